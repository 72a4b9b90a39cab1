import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamExport } from "@/server/services/exports/stream-export";
import { exportJsonl, judgeAll, nativeLines, setupExportCampaign } from "./export-kit";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("HelpSteer3, UltraFeedback and prompt-only exports, through the export service", () => {
  it("helpsteer3: each annotator's graded choice and reasoning, the overall preference their rounded mean", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(["Name a colour", "Name a fruit"], ["a", "b"], (i) => (i === 0 ? { metadata: { domain: "general", language: "english" } } : {})),
      annotators: 2,
      input: { template: { kind: "pairwise", strength: true }, overlap: 2 },
    });
    const [first, second] = annotators;
    if (!first || !second) throw new Error("two annotators");
    // The first prefers response 1 (source order) significantly; the second response 2 slightly.
    await judgeAll(db, { campaignId: campaign.id, annotator: first, decide: (v) => ({ choice: v.order[0], strength: "significant", rationale: "clearer" }) });
    await judgeAll(db, { campaignId: campaign.id, annotator: second, decide: (v) => ({ choice: v.order[1], strength: "slight" }) });
    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "helpsteer3" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      domain: "general",
      language: "english",
      context: [{ role: "user", content: "Name a colour" }],
      response1: " answer a0 to 1",
      response2: " answer b1 to 1",
      // (−3 + 1) / 2 = −1
      overall_preference: -1,
      individual_preference: expect.arrayContaining([
        { score: -3, reasoning: "clearer", feedback1: null, feedback2: null },
        { score: 1, reasoning: "", feedback1: null, feedback2: null },
      ]) as unknown,
    });
    expect(rows[1]).toMatchObject({ domain: null, language: null, overall_preference: -1 });
  });

  it("helpsteer3 needs a choice with a strength: a pairwise template without one is refused, naming why", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, { text: nativeLines(["p"], ["a", "b"]), annotators: 0 });
    await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "helpsteer3" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { issues: [{ path: "format", message: expect.stringContaining("needs a pairwise template with strength") as unknown }] },
    });
  });

  it("ultrafeedback: the best and worst mean ratings become chosen and rejected with their scores", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: nativeLines(["Write a haiku"], ["a", "b", "c"]),
      annotators: 1,
      input: { template: { kind: "rating", attributes: [{ name: "helpfulness", min: 1, max: 5 }, { name: "honesty", min: 1, max: 5 }] } },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, {
      campaignId: campaign.id,
      annotator,
      decide: (v) => ({
        ratings: {
          [v.ids.a ?? ""]: { helpfulness: 2, honesty: 3 },
          [v.ids.b ?? ""]: { helpfulness: 5, honesty: 4 },
          [v.ids.c ?? ""]: { helpfulness: 1, honesty: 1 },
        },
      }),
    });
    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "ultrafeedback" } });
    expect(rows).toEqual([
      {
        prompt: "Write a haiku",
        prompt_id: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
        chosen: [{ role: "user", content: "Write a haiku" }, { role: "assistant", content: " answer b1 to 1" }],
        rejected: [{ role: "user", content: "Write a haiku" }, { role: "assistant", content: " answer c2 to 1" }],
        messages: [{ role: "user", content: "Write a haiku" }, { role: "assistant", content: " answer b1 to 1" }],
        score_chosen: 4.5,
        score_rejected: 1,
      },
    ]);
    await expect(
      exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "helpsteer3" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("prompts: every item's prompt, judged or not, one format for the whole file", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, {
      text: nativeLines(["Plain text", [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }]], ["a", "b"]),
      annotators: 0,
    });
    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "prompts" } });
    expect(rows).toEqual([
      { prompt: [{ role: "user", content: "Plain text" }] },
      { prompt: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }] },
    ]);
    const ranking = await setupExportCampaign(db, {
      text: nativeLines(["One", "Two"], ["a", "b", "c"]),
      annotators: 0,
      input: { template: { kind: "ranking" } },
    });
    const text = await exportJsonl(db, { campaignId: ranking.campaign.id, actorId: ranking.admin.id, options: { format: "prompts" } });
    expect(text).toEqual([{ prompt: "One" }, { prompt: "Two" }]);
    const judged = await exportJsonl(db, { campaignId: ranking.campaign.id, actorId: ranking.admin.id, options: { format: "prompts", min_judgements: 1 } });
    expect(judged).toEqual([]);
  });
});
