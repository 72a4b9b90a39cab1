import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportBytes, exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";
import { streamExport } from "@/server/services/exports/stream-export";
import { getAgreement } from "@/server/services/quality/get-agreement";
import { addAnnotator, callerFor, createUser } from "../fixtures/factories";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** One item: an explicit-steps solution (one step holds a blank line) and a text split at blank lines. */
const TEXT = JSON.stringify({
  id: "larger",
  prompt: "Which number is larger, 9.8 or 9.11?",
  responses: [
    { id: "explicit", model: "m1", steps: ["The fractional part of 9.8 is 0.8.", "0.11 is\n\ngreater than 0.8.", "Hence, 9.11 > 9.8."] },
    { id: "split", model: "m2", content: "Compare 9.80 with 9.11.\n\n80 > 11.\n\nSo 9.8 is larger." },
  ],
});

describe("step-label campaigns export what the annotators labelled", () => {
  it("keeps explicit steps, splits the rest, and writes TRL stepwise and raw per-step rows", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: TEXT,
      annotators: 3,
      input: { overlap: 3, template: { kind: "steps", mode: "first_error" } },
    });
    const [first] = annotators;
    if (!first) throw new Error("annotators");

    // The task shows each response's steps; a label list of the wrong length is refused.
    const caller = callerFor(db, first);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("a task");
    const shown = task.responses.map((r) => r.steps).sort((a, b) => String(a).localeCompare(String(b)));
    expect(shown).toEqual([
      ["Compare 9.80 with 9.11.", "80 > 11.", "So 9.8 is larger."],
      ["The fractional part of 9.8 is 0.8.", "0.11 is\n\ngreater than 0.8.", "Hence, 9.11 > 9.8."],
    ]);
    await caller.task.skip({ assignmentId: task.assignmentId, reason: "seen" });

    const votes = [
      { explicit: [1, -1, -1], split: [1, 1, 1] },
      { explicit: [1, 0, 1], split: [1, 1, 0] },
      { explicit: [1, -1, -1], split: [0, 1, 1] },
    ];
    // first_error: labels after the first −1 must all be −1.
    const [, second, third] = annotators;
    if (!second || !third) throw new Error("annotators");
    await expect(
      judgeAll(db, {
        campaignId: campaign.id,
        annotator: second,
        decide: (view) => ({ steps: { [view.ids.explicit ?? ""]: [1, -1, 1], [view.ids.split ?? ""]: [1, 1, 1] } }),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // The first annotator skipped the item above; a fresh one takes their place.
    const fresh = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator: fresh });
    for (const [i, annotator] of [fresh, second, third].entries()) {
      const vote = votes[i];
      if (!vote) continue;
      await judgeAll(db, {
        campaignId: campaign.id,
        annotator,
        decide: (view) => ({ steps: { [view.ids.explicit ?? ""]: vote.explicit, [view.ids.split ?? ""]: vote.split } }),
      });
    }

    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl-stepwise" } });
    expect(rows).toHaveLength(6);
    for (const row of rows) expectTrlStepwise(row);
    expect(rows).toContainEqual({
      prompt: "Which number is larger, 9.8 or 9.11?",
      completions: ["The fractional part of 9.8 is 0.8.", "0.11 is\n\ngreater than 0.8.", "Hence, 9.11 > 9.8."],
      labels: [true, false, false],
    });
    // A neutral 0 is not a correct step.
    expect(rows).toContainEqual({
      prompt: "Which number is larger, 9.8 or 9.11?",
      completions: ["Compare 9.80 with 9.11.", "80 > 11.", "So 9.8 is larger."],
      labels: [true, true, false],
    });

    const majority = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl-stepwise", aggregation: "majority" },
    });
    expect(majority.map((r) => r.labels)).toEqual([
      [true, false, false],
      [true, true, true],
    ]);

    const steps = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "steps" } });
    expect(steps).toHaveLength(6);
    const second0 = steps.find((s) => s.response_id === "explicit" && s.step_index === 1);
    expect(second0).toMatchObject({ id: "larger", model: "m1", step: "0.11 is\n\ngreater than 0.8." });
    const ratings = (second0?.labels as { rating: number; annotator: string }[]).map((l) => l.rating);
    expect(ratings.sort()).toEqual([-1, -1, 0]);
    expect(new Set((second0?.labels as { annotator: string }[]).map((l) => l.annotator)).size).toBe(3);

    // CSV and Parquet take the same rows (lists as JSON cells in CSV).
    const csv = await exportBytes(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "steps", file: "csv" } });
    const [header, ...records] = new TextDecoder().decode(csv.bytes).trim().split(/\r?\n(?=larger,)/);
    expect(header).toBe("id,response_id,model,prompt,step_index,step,labels");
    expect(records).toHaveLength(6);
    const parquet = await exportBytes(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl-stepwise", file: "parquet" } });
    expect(new TextDecoder().decode(parquet.bytes.subarray(0, 4))).toBe("PAR1");

    // Agreement per step, nominal α by hand: 18 labels (eleven +1, four −1, three 0); four steps
    // hold one odd label out of three, 2 disagreeing pairs each over m − 1 = 2: observed 8,
    // expected (18² − 11² − 4² − 3²) / 17 = 178/17; α = 1 − 8·17/178 = 21/89.
    const agreement = await getAgreement(db, { campaignId: campaign.id, rounds: 20 });
    const perStep = agreement.questions.find((q) => q.question === "steps");
    expect(perStep?.alpha).toBeCloseTo(21 / 89, 10);
  });

  it("refuses pair formats and aggregations that mean nothing for steps, naming the field", async () => {
    const { db } = database;
    const { admin, campaign } = await setupExportCampaign(db, { text: TEXT, annotators: 0, input: { template: { kind: "steps" } } });
    await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl-stepwise", aggregation: "bradley-terry" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

/** TRL's stepwise supervision rules: a string (or conversation) prompt, completions and bool labels of one length. */
function expectTrlStepwise(row: Record<string, unknown>) {
  expect(Object.keys(row).sort()).toEqual(["completions", "labels", "prompt"]);
  expect(typeof row.prompt).toBe("string");
  const completions = row.completions as unknown[];
  const labels = row.labels as unknown[];
  expect(completions.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
  expect(labels.every((l) => typeof l === "boolean")).toBe(true);
  expect(labels).toHaveLength(completions.length);
}
