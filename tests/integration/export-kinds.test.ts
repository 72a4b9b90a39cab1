import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamExport } from "@/server/services/exports/stream-export";
import { createCampaign, createUser, importNative } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const line = (id: string, responses: Record<string, string>[]) => JSON.stringify({ id, prompt: "Draw a cat", responses });

describe("exports that do not fit the campaign say why, before any byte", () => {
  it("text-only formats refuse image responses; judgements export them", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const campaign = await createCampaign(db, { admin, input: { template: { kind: "ranking" } } });
    await importNative(db, {
      campaignId: campaign.id,
      text: line("cats", [
        { id: "a", image_url: "https://example.test/a.png" },
        { id: "b", image_url: "https://example.test/b.png" },
        { id: "c", content: "a cat, in words" },
      ]),
    });
    for (const format of ["trl", "trl-implicit", "trl-kto", "openai-dpo", "hh-rlhf"]) {
      await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format } })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `${format} holds text only, and this campaign has image responses: export judgements, rankings or ratings instead`,
      });
    }
    await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "judgements" } })).resolves.toBeTruthy();
    await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "rankings" } })).resolves.toBeTruthy();
  });

  it("ratings need a rating campaign, rankings need orders; the issue names the field", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const pairwise = await createCampaign(db, { admin });
    const rating = await createCampaign(db, {
      admin,
      input: { template: { kind: "rating", attributes: [{ name: "helpfulness", min: 1, max: 5 }] } },
    });
    const refuse = (campaignId: string, format: string) =>
      streamExport(db, { campaignId, actorId: admin.id, options: { format } });
    await expect(refuse(pairwise.id, "ratings")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { issues: [{ path: "format", message: expect.stringContaining("needs a campaign with the rating template") as unknown }] },
    });
    await expect(refuse(pairwise.id, "rankings")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refuse(rating.id, "trl")).rejects.toMatchObject({
      message: expect.stringContaining("without a following preference yields no pairs") as unknown,
    });
    await expect(refuse(rating.id, "ratings")).resolves.toBeTruthy();
  });
});
