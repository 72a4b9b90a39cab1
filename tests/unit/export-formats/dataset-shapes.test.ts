import { describe, expect, it } from "vitest";
import { toHelpSteer3Row } from "@/server/formats/helpsteer3-row";
import { toPromptRow } from "@/server/formats/prompt-row";
import type { RankedItem } from "@/server/formats/ranking-pairs";
import { toUltraFeedbackRow } from "@/server/formats/ultrafeedback-row";
import { conversationalPair, rankedItem } from "./fixtures";
import { trlViolations } from "./trl-rules";

const pairItem: RankedItem & { metadata: Record<string, unknown> } = {
  itemExternalId: "pair",
  prompt: conversationalPair.prompt,
  promptFormat: "messages",
  responses: [
    { id: "r-1", externalId: "one", model: "m1", content: "It is blue." },
    { id: "r-2", externalId: "two", model: "m2", content: "It is green." },
  ],
  metadata: { domain: "general", language: "english" },
};

describe("HelpSteer3 rows (nvidia/HelpSteer3 preference shape)", () => {
  it("scores each vote −3..3, negative when response 1 is better, and keeps each reasoning", () => {
    const row = toHelpSteer3Row(pairItem, [
      { choice: "r-1", strength: "significant", rationale: "green is wrong" },
      { choice: "r-1", strength: "slight" },
      { choice: "r-2", strength: "better", rationale: "prefer two" },
      { choice: "tie" },
      { choice: "r-2", strength: "negligible" },
    ]);
    expect(row).toEqual({
      domain: "general",
      language: "english",
      context: pairItem.prompt,
      response1: "It is blue.",
      response2: "It is green.",
      // (−3 − 1 + 2 + 0 + 0) / 5 = −0.4 → 0
      overall_preference: 0,
      individual_preference: [
        { score: -3, reasoning: "green is wrong", feedback1: null, feedback2: null },
        { score: -1, reasoning: "", feedback1: null, feedback2: null },
        { score: 2, reasoning: "prefer two", feedback1: null, feedback2: null },
        { score: 0, reasoning: "", feedback1: null, feedback2: null },
        { score: 0, reasoning: "", feedback1: null, feedback2: null },
      ],
    });
  });

  it("rounds the mean to the nearest integer, halves away from zero", () => {
    const overall = (votes: Parameters<typeof toHelpSteer3Row>[1]) =>
      toHelpSteer3Row(pairItem, votes)?.overall_preference;
    expect(overall([{ choice: "r-1", strength: "significant" }, { choice: "r-1", strength: "better" }])).toBe(-3);
    expect(overall([{ choice: "r-2", strength: "better" }, { choice: "r-2", strength: "slight" }])).toBe(2);
    expect(overall([{ choice: "r-2", strength: "slight" }, { choice: "r-2", strength: "better" }, { choice: "r-1", strength: "slight" }])).toBe(1);
  });

  it("leaves out votes with no place on the scale, and items with none left", () => {
    const row = toHelpSteer3Row(pairItem, [{ choice: "both_bad" }, { choice: "r-2" }, { choice: "r-2", strength: "significant" }]);
    expect(row?.individual_preference.map((p) => p.score)).toEqual([3]);
    expect(toHelpSteer3Row(pairItem, [{ choice: "both_bad" }])).toBeNull();
    expect(toHelpSteer3Row(rankedItem, [{ choice: "r-a", strength: "better" }])).toBeNull();
  });

  it("every score is an integer in −3..3", () => {
    const row = toHelpSteer3Row(pairItem, [
      { choice: "r-1", strength: "significant" },
      { choice: "r-2", strength: "significant" },
      { choice: "r-2", strength: "better" },
    ]);
    for (const score of [row?.overall_preference, ...(row?.individual_preference.map((p) => p.score) ?? [])]) {
      expect(Number.isInteger(score)).toBe(true);
      expect(Math.abs(score ?? 9)).toBeLessThanOrEqual(3);
    }
  });
});

describe("UltraFeedback binarized rows (HuggingFaceH4/ultrafeedback_binarized shape)", () => {
  const attributes = ["helpfulness", "honesty"];

  it("chooses the best mean rating, rejects the worst, and scores both", () => {
    const row = toUltraFeedbackRow(rankedItem, attributes, [
      { "r-a": { helpfulness: 5, honesty: 4 }, "r-b": { helpfulness: 2, honesty: 2 }, "r-c": { helpfulness: 3, honesty: 3 } },
      { "r-a": { helpfulness: 4, honesty: 4 }, "r-b": { helpfulness: 1, honesty: 2 } },
    ]);
    expect(row).toMatchObject({
      prompt: "Write a haiku.",
      chosen: [{ role: "user", content: "Write a haiku." }, { role: "assistant", content: "A" }],
      rejected: [{ role: "user", content: "Write a haiku." }, { role: "assistant", content: "B" }],
      messages: [{ role: "user", content: "Write a haiku." }, { role: "assistant", content: "A" }],
      // a: (4.5 + 4) / 2; b: (1.5 + 2) / 2
      score_chosen: 4.25,
      score_rejected: 1.75,
    });
    expect(Object.keys(row ?? {}).sort()).toEqual(
      ["chosen", "messages", "prompt", "prompt_id", "rejected", "score_chosen", "score_rejected"],
    );
    expect(row?.prompt_id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the prompt id is the same for the same prompt and differs for another", () => {
    const ratings = [{ "r-a": { helpfulness: 5 }, "r-b": { helpfulness: 1 } }];
    const one = toUltraFeedbackRow(rankedItem, ["helpfulness"], ratings);
    const again = toUltraFeedbackRow({ ...rankedItem, itemExternalId: "copy" }, ["helpfulness"], ratings);
    const other = toUltraFeedbackRow({ ...rankedItem, prompt: [{ role: "user", content: "Write a limerick." }] }, ["helpfulness"], ratings);
    expect(again?.prompt_id).toBe(one?.prompt_id);
    expect(other?.prompt_id).not.toBe(one?.prompt_id);
  });

  it("a conversation keeps its turns in chosen and rejected; the prompt is its last user turn", () => {
    const row = toUltraFeedbackRow(pairItem, ["helpfulness"], [{ "r-1": { helpfulness: 2 }, "r-2": { helpfulness: 4 } }]);
    expect(row?.prompt).toBe("What color is the sky?");
    expect(row?.chosen).toEqual([...pairItem.prompt, { role: "assistant", content: "It is green." }]);
    expect(trlViolations({ chosen: row?.chosen, rejected: row?.rejected })).toEqual([]);
  });

  it("no row without a preference: one scored response, or all scored alike", () => {
    expect(toUltraFeedbackRow(rankedItem, attributes, [{ "r-a": { helpfulness: 5 } }])).toBeNull();
    expect(toUltraFeedbackRow(rankedItem, attributes, [{ "r-a": { helpfulness: 3 }, "r-b": { helpfulness: 3 } }])).toBeNull();
  });
});

describe("prompt-only rows (GRPO / RLOO)", () => {
  it("a text prompt stays text, a conversation stays messages, and TRL accepts both", () => {
    const text = toPromptRow(rankedItem);
    const chat = toPromptRow(pairItem);
    expect(text).toEqual({ prompt: "Write a haiku." });
    expect(chat).toEqual({ prompt: pairItem.prompt });
    expect(trlViolations(text)).toEqual([]);
    expect(trlViolations(chat)).toEqual([]);
  });
});
