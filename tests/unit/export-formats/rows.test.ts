import { describe, expect, it } from "vitest";
import { annotatorPseudonym, toJudgementRow } from "@/server/formats/judgement-row";
import { marginFor } from "@/server/formats/margins";
import { RankingError, rankingToPairs } from "@/server/formats/ranking-pairs";
import { toRankingsRow } from "@/server/formats/rankings-row";
import { toRatingsRows } from "@/server/formats/ratings-row";
import { rankedConversation, rankedItem, ranking } from "./fixtures";

describe("marginFor", () => {
  it("uses Llama 2's small and large tables", () => {
    const levels = ["significant", "better", "slight", "negligible"] as const;
    expect(levels.map((s) => marginFor(s, "small"))).toEqual([1, 2 / 3, 1 / 3, 0]);
    expect(levels.map((s) => marginFor(s, "large"))).toEqual([3, 2, 1, 0]);
    expect(marginFor("significant", "none")).toBeUndefined();
    expect(marginFor(undefined, "large")).toBeUndefined();
  });
});

describe("rankingToPairs", () => {
  it("prefers each group over every later one, drops tied pairs, weights 1/C(K,2)", () => {
    const pairs = rankingToPairs(rankedItem, ranking, "g");
    expect(pairs.map((p) => `${p.chosen.externalId}>${p.rejected.externalId}`)).toEqual([
      "a>b",
      "a>c",
      "a>d",
      "b>d",
      "c>d",
    ]);
    expect(new Set(pairs.map((p) => p.groupId))).toEqual(new Set(["g"]));
    for (const pair of pairs) expect(pair.weight).toBe(1 / 6);
  });

  it("gives all C(K,2) pairs for a ranking without ties", () => {
    const pairs = rankingToPairs(rankedItem, [["r-d"], ["r-c"], ["r-b"], ["r-a"]], "g");
    expect(pairs).toHaveLength(6);
  });

  it("refuses unknown or repeated ids", () => {
    expect(() => rankingToPairs(rankedItem, [["r-a"], ["nope"]], "g")).toThrow(RankingError);
    expect(() => rankingToPairs(rankedItem, [["r-a"], ["r-a"]], "g")).toThrow(RankingError);
  });
});

describe("toRankingsRow", () => {
  it("is Nectar-like with rank 1 best and ties sharing a rank", () => {
    expect(toRankingsRow(rankedItem, ranking)).toEqual({
      id: "rank",
      prompt: "Write a haiku.",
      answers: [
        { answer: "A", model: "m1", rank: 1 },
        { answer: "B", model: "m2", rank: 2 },
        { answer: "C", model: "m3", rank: 2 },
        { answer: "D", model: null, rank: 4 },
      ],
      turns: 1,
      num_responses: 4,
    });
  });

  it("keeps a conversation as messages and refuses a partial order", () => {
    expect(toRankingsRow(rankedConversation, ranking).prompt).toEqual(rankedConversation.prompt);
    expect(() => toRankingsRow(rankedItem, [["r-a"], ["r-b"]])).toThrow(RankingError);
  });
});

describe("toRatingsRows", () => {
  it("gives one HelpSteer2-like row per response with means and counts", () => {
    const rows = toRatingsRows(
      rankedItem,
      ["helpfulness", "correctness"],
      [
        { "r-a": { helpfulness: 4, correctness: 3 }, "r-b": { helpfulness: 0, correctness: 1 } },
        { "r-a": { helpfulness: 3, correctness: 3 } },
      ],
    );
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      id: "rank",
      response_id: "a",
      prompt: "Write a haiku.",
      response: "A",
      model: "m1",
      helpfulness: 3.5,
      helpfulness_count: 2,
      correctness: 3,
      correctness_count: 2,
    });
    expect(rows[1]).toMatchObject({ helpfulness: 0, helpfulness_count: 1 });
    expect(rows[3]).toMatchObject({ helpfulness: null, helpfulness_count: 0 });
  });

  it("refuses attribute names that collide with other columns", () => {
    expect(() => toRatingsRows(rankedItem, ["prompt"], [])).toThrow();
    expect(() => toRatingsRows(rankedItem, ["x", "x_count"], [])).toThrow();
  });
});

describe("toJudgementRow", () => {
  const input = {
    judgement: {
      id: "j1",
      itemId: "i1",
      assignmentId: "as1",
      annotatorId: "user-42",
      payload: { choice: "r1", strength: "better" as const },
      displayOrder: ["r2", "r1"],
      guidelineVersion: 3,
      templateVersion: 1,
      shownAt: new Date("2025-01-02T03:04:05.000Z"),
      submittedAt: "2025-01-02T03:05:00Z",
      activeMs: 55_000,
      revisionOf: null,
      suggestionShown: true,
      agreedWithSuggestion: false,
    },
    item: { id: "i1", externalId: "ext-1" },
    responses: [
      { id: "r1", externalId: "a", model: "m1" },
      { id: "r2", externalId: "b", model: null },
    ],
    annotatorSalt: "campaign-salt",
  };

  it("has exactly the DESIGN §8 fields, times in ISO 8601", () => {
    const row = toJudgementRow(input);
    expect(Object.keys(row)).toEqual([
      "id",
      "item_id",
      "item_external_id",
      "assignment_id",
      "annotator",
      "payload",
      "responses",
      "display_order",
      "guideline_version",
      "template_version",
      "shown_at",
      "submitted_at",
      "active_ms",
      "revision_of",
      "suggestion_shown",
      "agreed_with_suggestion",
    ]);
    expect(row).toMatchObject({
      responses: [
        { id: "r1", external_id: "a", model: "m1" },
        { id: "r2", external_id: "b", model: null },
      ],
      display_order: ["r2", "r1"],
      shown_at: "2025-01-02T03:04:05.000Z",
      submitted_at: "2025-01-02T03:05:00.000Z",
      suggestion_shown: true,
      agreed_with_suggestion: false,
    });
  });

  it("pseudonymizes the annotator stably per salt, never exposing the id", () => {
    const row = toJudgementRow(input);
    expect(row.annotator).toMatch(/^annotator-[0-9a-f]{12}$/);
    expect(JSON.stringify(row)).not.toContain("user-42");
    expect(toJudgementRow(input).annotator).toBe(row.annotator);
    expect(annotatorPseudonym("user-42", "other-campaign")).not.toBe(row.annotator);
    expect(() => annotatorPseudonym("user-42", "")).toThrow();
  });
});
