import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as recheck } from "@/app/api/v1/campaigns/[id]/identity-leaks/recheck/route";
import { items } from "@/db/schema";
import { callerFor } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";

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

const TEXT = [
  { id: "plain-1", a: "Paris.", b: "Lyon." },
  { id: "llama", a: "I am Llama, made by Meta.", b: "I am a helpful assistant." },
  { id: "plain-2", a: "Four.", b: "Five." },
]
  .map((r) =>
    JSON.stringify({
      id: r.id,
      prompt: `Question ${r.id}`,
      responses: [
        { id: "a", model: "m-a", content: r.a },
        { id: "b", model: "m-b", content: r.b },
      ],
    }),
  )
  .join("\n");

/** A campaign judged with a list that flags nothing, then given the default list. */
async function judgedThenFlagged(mode: "hold" | "warn") {
  const { db } = database;
  const { admin, campaign, annotators } = await setupExportCampaign(db, {
    text: TEXT,
    annotators: 1,
    input: { overlap: 1, identity_leak: mode, identity_leak_words: ["zebra"] },
  });
  const [annotator] = annotators;
  if (!annotator) throw new Error("no annotator");
  expect(await judgeAll(db, { campaignId: campaign.id, annotator, decide: (v) => ({ choice: v.ids.a }) })).toBe(3);
  const exported = async (format: string) =>
    (await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format } })).length;
  const admins = callerFor(db, admin);
  await admins.campaign.update({ campaignId: campaign.id, input: { identity_leak_words: ["Llama"] } });
  return { admin, campaign, exported, admins };
}

describe("exports and the identity-leak guard", () => {
  it("leave held items out until an admin releases them, in every format", async () => {
    const { db } = database;
    const { admin, campaign, exported, admins } = await judgedThenFlagged("hold");
    const raw = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "judgements" } });
    expect(raw.map((r) => r.item_external_id).sort()).toEqual(["plain-1", "plain-2"]);
    expect(await exported("trl")).toBe(2);
    expect(await exported("hh-rlhf")).toBe(2);

    const [held] = await db.select({ id: items.id }).from(items).where(and(eq(items.campaignId, campaign.id), eq(items.externalId, "llama")));
    if (!held) throw new Error("no item");
    const released = await admins.identityLeak.release({ campaignId: campaign.id, input: { item_ids: [held.id] } });
    expect(released.changed).toBe(1);
    expect(await exported("judgements")).toBe(3);
    expect(await exported("trl")).toBe(3);
  });

  it("a re-check on demand flags items stored before the guard existed", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, { text: TEXT, annotators: 0 });
    // As a migration leaves them: stored, never checked.
    await db.execute(sql`update responses set leak_matches = null where item_id in (select id from items where campaign_id = ${campaign.id})`);
    await db.update(items).set({ leakStatus: "clean" }).where(eq(items.campaignId, campaign.id));
    const reply = await callRoute(recheck, "POST", { token: await tokenFor(db, admin), id: campaign.id });
    expect(reply).toMatchObject({ status: 200, json: { responses_changed: 1, items_changed: 1, counts: { flagged: 1, held: 1 } } });
    const again = await callRoute(recheck, "POST", { token: await tokenFor(db, admin), id: campaign.id });
    expect(again.json).toMatchObject({ responses_changed: 0, items_changed: 0 });
  });

  it("export warned items: annotators judged them as they are", async () => {
    const { exported, admins, campaign } = await judgedThenFlagged("warn");
    expect((await admins.identityLeak.list({ campaignId: campaign.id })).counts).toEqual({ flagged: 1, held: 0, warned: 1, released: 0 });
    expect(await exported("judgements")).toBe(3);
    expect(await exported("trl")).toBe(3);
  });
});
