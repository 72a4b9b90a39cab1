import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetExports } from "@/db/schema";
import { GET as download } from "@/app/api/v1/campaigns/[id]/export/route";
import { rerunQuery } from "@/server/services/exports/export-options";
import { STALE_AFTER_MS } from "@/server/services/heartbeat";
import { streamExport } from "@/server/services/exports/stream-export";
import { callerFor } from "../fixtures/factories";
import { restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { judgeAll, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

const lines = Array.from({ length: 3 }, (_, i) =>
  JSON.stringify({ id: `q${i}`, prompt: `Prompt ${i}`, responses: [{ content: "a" }, { content: "b" }] }),
).join("\n");

describe("export heartbeat", () => {
  it("shows a running export whose process died as failed, keeps a live one running, and runs it again", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, { text: lines, annotators: 1 });
    for (const annotator of annotators) {
      await judgeAll(db, { campaignId: campaign.id, annotator, decide: (view) => ({ choice: view.order[0] ?? "" }) });
    }
    // What a killed process leaves behind: `running`, last beat well past the stale limit.
    const [dead] = await db
      .insert(datasetExports)
      .values({
        campaignId: campaign.id,
        format: "judgements",
        file: "csv",
        options: { exclude_probes: false },
        createdBy: admin.id,
        heartbeatAt: sql`now() - make_interval(secs => ${(STALE_AFTER_MS * 2) / 1000})`,
      })
      .returning();
    if (!dead) throw new Error("inserted export");
    const live = await streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "judgements" } });
    const reading = live.body[Symbol.asyncIterator]();
    await reading.next();

    const caller = callerFor(db, admin);
    const history = await caller.export.history({ campaignId: campaign.id });
    const byId = new Map(history.map((e) => [e.id, e]));
    expect(byId.get(dead.id)).toMatchObject({ status: "failed" });
    expect(byId.get(dead.id)?.finishedAt).toBeInstanceOf(Date);
    expect(byId.get(live.exportId)).toMatchObject({ status: "running" });
    while (!(await reading.next()).done);

    // "Run again" downloads with the recorded format, file and options.
    const token = await tokenFor(db, admin);
    const response = await download(
      new Request(`http://localhost/api/v1/campaigns/${campaign.id}/export?${rerunQuery(dead)}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ id: campaign.id }) },
    );
    expect(response.status).toBe(200);
    await response.text();
    const [rerun] = await caller.export.history({ campaignId: campaign.id });
    expect(rerun).toMatchObject({ format: "judgements", file: "csv", options: { exclude_probes: false }, status: "done" });
    expect(rerun?.id).not.toBe(dead.id);
  });
});
