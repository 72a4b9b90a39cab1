import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCampaign } from "@/app/api/v1/campaigns/[id]/export/route";
import { GET as getCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { GET as listCampaigns } from "@/app/api/v1/campaigns/route";
import { eq } from "drizzle-orm";
import { assignments, judgements } from "@/db/schema";
import { addAnnotator, callerFor, createCampaign, createUser } from "../fixtures/factories";
import { realIds } from "../fixtures/task-ids";
import { pick, setupCampaign, submission } from "./assignment-setup";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

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

const SALT = /pseudonym_?salt/i;

describe("what replies do not give away", () => {
  it("no admin reply carries the pseudonym salt", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const caller = callerFor(db, admin);
    const created = await caller.campaign.create({ name: "Salted" });
    const replies = [
      created,
      await caller.campaign.byId({ campaignId: created.id }),
      await caller.campaign.update({ campaignId: created.id, input: { description: "new" } }),
      await caller.campaign.setStatus({ campaignId: created.id, status: "active" }),
      await caller.campaign.duplicate({ campaignId: created.id }),
    ];
    for (const reply of replies) expect(JSON.stringify(reply)).not.toMatch(SALT);
    const token = await tokenFor(db, admin);
    const rest = await callRoute(getCampaign, "GET", { token, id: created.id });
    expect(JSON.stringify(rest.json)).not.toMatch(SALT);
  });

  it("annotators do not see the gold and probe rates; admins do", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin, input: { gold_rate: 0.1, probe_rate: 0.05 } });
    await addAnnotator(db, { campaignId: campaign.id, annotator });

    const seen = await callerFor(db, annotator).campaign.byId({ campaignId: campaign.id });
    expect(seen).not.toHaveProperty("goldRate");
    expect(seen).not.toHaveProperty("probeRate");
    const rest = await callRoute(getCampaign, "GET", { token: await tokenFor(db, annotator), id: campaign.id });
    expect(rest.status).toBe(200);
    expect(rest.json).not.toHaveProperty("gold_rate");
    expect(rest.json).not.toHaveProperty("probe_rate");

    expect(await callerFor(db, admin).campaign.byId({ campaignId: campaign.id })).toMatchObject({ goldRate: 0.1, probeRate: 0.05 });
    const adminRest = await callRoute(getCampaign, "GET", { token: await tokenFor(db, admin), id: campaign.id });
    expect(adminRest.json).toMatchObject({ gold_rate: 0.1, probe_rate: 0.05 });
  });

  it("a cross-site export with the session cookie is refused; a token or a same-origin request is not", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const campaign = await createCampaign(db, { admin });
    const cookie = { cookie: "next-auth.session-token=stolen-by-navigation" };
    for (const headers of [
      { ...cookie, "sec-fetch-site": "cross-site" },
      { ...cookie, "sec-fetch-site": "same-site" },
      { ...cookie, origin: "https://evil.example", host: "localhost" },
    ]) {
      const refused = await callRoute(exportCampaign, "GET", { id: campaign.id, headers, query: "format=judgements" });
      expect(refused.status).toBe(403);
    }
    const token = await tokenFor(db, admin);
    const viaToken = await exportCampaign(
      new Request(`http://localhost/api/v1/campaigns/${campaign.id}/export?format=judgements`, {
        headers: { authorization: `Bearer ${token}`, "sec-fetch-site": "cross-site" },
      }),
      { params: Promise.resolve({ id: campaign.id }) },
    );
    expect(viaToken.status).toBe(200);
    await viaToken.body?.cancel();
  });

  it("a probe shows fresh handles, not the ids of the task it repeats; answers are stored by real id", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 1, input: { probe_rate: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const claim = async () => {
      const { task } = await caller.task.claimNext({ campaignId: campaign.id });
      if (!task) throw new Error("expected a task");
      return task;
    };
    const first = await claim();
    await caller.task.submit(submission(first));
    await caller.task.submit(submission(await claim()));
    const probe = await claim();
    const [row] = await db.select().from(assignments).where(eq(assignments.id, probe.assignmentId));
    expect(row?.purpose).toBe("probe");
    expect((await realIds(db, probe)).itemId).toBe((await realIds(db, first)).itemId);

    const shown = (t: typeof first) => [t.item.id, ...t.responses.map((r) => r.id)];
    expect(shown(probe).filter((id) => shown(first).includes(id))).toEqual([]);
    const real = (await realIds(db, probe)).responseIds;
    expect(shown(probe).filter((id) => real.includes(id) || id === row?.itemId)).toEqual([]);

    // The first task's handles mean nothing on the probe.
    await expect(caller.task.submit(submission(probe, pick(first, 0)))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { judgementId } = await caller.task.submit(submission(probe, pick(probe, 1)));
    const [stored] = await db.select().from(judgements).where(eq(judgements.id, judgementId));
    expect(stored?.payload).toEqual({ choice: real[1] });
  });

  it("API JSON is never cached, successes and errors alike", async () => {
    const { db } = database;
    const user = await createUser(db, { role: "annotator" });
    const ok = await callRoute(listCampaigns, "GET", { token: await tokenFor(db, user) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const refused = await callRoute(listCampaigns, "GET", {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
