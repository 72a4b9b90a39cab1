import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgements } from "@/db/schema";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl, judgeAll, nativeLines, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rows = (
  db: TestDatabase["db"],
  campaignId: string,
  actorId: string,
  options: Record<string, unknown>,
) => exportJsonl(db, { campaignId, actorId, options: { format: "trl", ...options } });

describe("export filters", () => {
  it("leaves out gold items, and annotators whose gold accuracy is too low", async () => {
    const { db } = database;
    const gold = [
      // Gold answers name response external ids, or the answer alone.
      JSON.stringify({
        id: "gold-1",
        prompt: "G1",
        responses: [
          { id: "a", content: "right" },
          { id: "b", content: "wrong" },
        ],
        gold: { choice: "a" },
      }),
      JSON.stringify({
        id: "gold-2",
        prompt: "G2",
        responses: [
          { id: "a", content: "right" },
          { id: "b", content: "wrong" },
        ],
        gold: "a",
      }),
    ];
    const text = [nativeLines(["P1", "P2", "P3"], ["a", "b"]), ...gold].join("\n");
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text,
      annotators: 2,
      input: { overlap: 2 },
    });
    const [good, bad] = annotators;
    if (!good || !bad) throw new Error("two annotators");
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator: good,
      decide: (v) => ({ choice: v.ids.a ?? "" }),
    });
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator: bad,
      decide: (v) => ({ choice: v.ids.b ?? "" }),
    });

    expect(await rows(db, campaign.id, admin.id, {})).toHaveLength(10);
    expect(await rows(db, campaign.id, admin.id, { exclude_gold: true })).toHaveLength(6);
    const trusted = await rows(db, campaign.id, admin.id, { min_gold_accuracy: 0.5 });
    expect(trusted).toHaveLength(5);
    for (const row of trusted) expect(row.chosen).not.toMatch(/^ answer b|^wrong/);
    expect(
      await rows(db, campaign.id, admin.id, { min_gold_accuracy: 1, exclude_gold: true }),
    ).toHaveLength(3);
  });

  it("keeps items with enough judgements, judged under the asked guideline version", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(["P1", "P2", "P3", "P4"], ["a", "b"]),
      annotators: 2,
      input: { overlap: 2 },
    });
    const [first, second] = annotators;
    if (!first || !second) throw new Error("two annotators");
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator: first,
      decide: (v) => ({ choice: v.ids.a ?? "" }),
    });
    await callerFor(db, admin).campaign.update({
      campaignId: campaign.id,
      input: { guidelines: "Prefer brevity." },
    });
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator: second,
      decide: (v) => (v.itemExternalId === "item-4" ? null : { choice: v.ids.b ?? "" }),
    });
    expect(await rows(db, campaign.id, admin.id, {})).toHaveLength(7);
    expect(await rows(db, campaign.id, admin.id, { min_judgements: 2 })).toHaveLength(6);
    expect(await rows(db, campaign.id, admin.id, { guideline_version: 1 })).toHaveLength(4);
    expect(await rows(db, campaign.id, admin.id, { guideline_version: 2 })).toHaveLength(3);
  });

  it("exports the live revision of an edited judgement, once", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(["P1"], ["a", "b"]),
      annotators: 1,
      input: { overlap: 1 },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator,
      decide: (v) => ({ choice: v.ids.a ?? "" }),
    });
    const [judgement] = await db
      .select()
      .from(judgements)
      .where(eq(judgements.campaignId, campaign.id));
    if (!judgement) throw new Error("a judgement");
    const [, b] = (
      await db.query.responses.findMany({
        where: (r, { eq: is }) => is(r.itemId, judgement.itemId),
        orderBy: (r, { asc }) => asc(r.position),
      })
    ).map((r) => r.id);
    await callerFor(db, annotator).task.revise({
      judgementId: judgement.id,
      idempotencyKey: randomUUID(),
      payload: { choice: b },
    });
    const exported = await rows(db, campaign.id, admin.id, {});
    expect(exported).toEqual([
      { prompt: "P1", chosen: " answer b1 to 1", rejected: " answer a0 to 1" },
    ]);
  });

  it("splits by prompt group, deterministically for a seed, never across sides", async () => {
    const { db } = database;
    const prompts = Array.from({ length: 20 }, (_, i) => `Prompt ${i}`);
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(prompts, ["a", "b"]),
      annotators: 2,
      input: { overlap: 2 },
    });
    for (const annotator of annotators) {
      await judgeAll(db, {
        campaignId: campaign.id,
        annotator,
        decide: (v) => ({ choice: v.ids.a ?? "" }),
      });
    }
    const split = { test_fraction: 0.3, seed: "fixed" };
    const all = await rows(db, campaign.id, admin.id, {});
    const train = await rows(db, campaign.id, admin.id, { ...split, split: "train" });
    const test = await rows(db, campaign.id, admin.id, { ...split, split: "test" });
    expect(train.length + test.length).toBe(all.length);
    expect(test.length).toBeGreaterThan(0);
    expect(train.length).toBeGreaterThan(0);
    const trainPrompts = new Set(train.map((r) => r.prompt));
    for (const row of test) expect(trainPrompts.has(row.prompt)).toBe(false);
    expect(await rows(db, campaign.id, admin.id, { ...split, split: "test" })).toEqual(test);
  });
});
