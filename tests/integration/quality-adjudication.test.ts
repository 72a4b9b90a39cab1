import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as agreementRoute } from "@/app/api/v1/campaigns/[id]/agreement/route";
import { GET as exportRoute } from "@/app/api/v1/campaigns/[id]/export/route";
import type { SessionUser } from "@/server/services/users/session-user";
import { callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { campaignItems, seedJudgements } from "../fixtures/seed-judgements";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
let admin: SessionUser;
let adminToken: string;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  admin = await createUser(database.db, { role: "admin" });
  adminToken = await tokenFor(database.db, admin);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

async function exportLines(campaignId: string, query: string): Promise<Record<string, unknown>[]> {
  const request = new Request(`http://localhost/api/v1/x?${query}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const res = await exportRoute(request, { params: Promise.resolve({ id: campaignId }) });
  expect(res.status).toBe(200);
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("adjudication", () => {
  it("records a verdict on a disputed item that replaces its votes in exports with prefer_adjudicated", async () => {
    const campaign = await createCampaign(database.db, { admin, input: { overlap: 3 } });
    await importNative(database.db, {
      campaignId: campaign.id,
      text: JSON.stringify({
        id: "disputed",
        prompt: "Which is right?",
        responses: [
          { id: "a", model: "m1", content: "Paris" },
          { id: "b", model: "m2", content: "Lyon" },
        ],
      }),
    });
    const [item] = await campaignItems(database.db, campaign.id);
    const [a, b] = item?.responses ?? [];
    if (!item || !a || !b) throw new Error("item expected");
    const voters: SessionUser[] = [];
    for (let i = 0; i < 3; i++) voters.push(await createUser(database.db, { role: "annotator" }));
    await seedJudgements(database.db, {
      campaignId: campaign.id,
      rows: voters.map((v, i) => ({
        itemId: item.id,
        annotatorId: v.id,
        payload: { choice: i === 2 ? b.id : a.id, rationale: `reason ${i}` },
        displayOrder: i === 1 ? [b.id, a.id] : [a.id, b.id],
      })),
    });

    const agreement = await callRoute(agreementRoute, "GET", {
      token: adminToken,
      id: campaign.id,
    });
    const disputed = (
      agreement.json as {
        disputed: { item_id: string; adjudicated: boolean; judgements: number }[];
      }
    ).disputed;
    expect(disputed).toEqual([
      expect.objectContaining({ item_id: item.id, adjudicated: false, judgements: 3 }),
    ]);

    const caller = callerFor(database.db, admin);
    const view = await caller.quality.adjudicationItem({
      campaignId: campaign.id,
      itemId: item.id,
    });
    expect(view.judgements.map((j) => j.rationale)).toEqual(["reason 0", "reason 1", "reason 2"]);
    expect(view.judgements[1]?.displayOrder).toEqual([b.id, a.id]);
    expect(view.responses.map((r) => r.model)).toEqual(["m1", "m2"]);

    await expect(
      caller.quality.adjudicate({
        campaignId: campaign.id,
        itemId: item.id,
        payload: { choice: "neither" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const annotator = callerFor(database.db, voters[0] ?? admin);
    await expect(
      annotator.quality.adjudicate({
        campaignId: campaign.id,
        itemId: item.id,
        payload: { choice: b.id },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await caller.quality.adjudicate({
      campaignId: campaign.id,
      itemId: item.id,
      payload: { choice: b.id },
      note: "Lyon, per the source",
    });

    const majority = await exportLines(campaign.id, "format=trl&aggregation=majority");
    expect(majority).toEqual([expect.objectContaining({ chosen: "Paris", rejected: "Lyon" })]);
    const preferred = await exportLines(
      campaign.id,
      "format=trl&aggregation=majority&prefer_adjudicated=true",
    );
    expect(preferred).toEqual([expect.objectContaining({ chosen: "Lyon", rejected: "Paris" })]);
    const raw = await exportLines(campaign.id, "format=judgements&prefer_adjudicated=true");
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatchObject({ payload: { choice: b.id }, item_external_id: "disputed" });
    expect(await exportLines(campaign.id, "format=judgements")).toHaveLength(3);

    const after = await callRoute(agreementRoute, "GET", { token: adminToken, id: campaign.id });
    expect((after.json as { disputed: { adjudicated: boolean }[] }).disputed[0]?.adjudicated).toBe(
      true,
    );
  });
});
