import { describe, expect, it } from "vitest";
import { PAIRWISE, RANKING, RATING, STEPS } from "@/app/(annotate)/campaigns/[id]/answer-kinds";
import { ACCEPT_SUGGESTION, SCREEN_KEYS } from "@/app/(annotate)/campaigns/[id]/key-map";
import { acceptedAnswer } from "@/app/(annotate)/campaigns/[id]/suggestion-answer";
import { suggestionVerdict } from "@/server/domain/suggestion";
import {
  pairwiseTemplateSchema,
  rankingTemplateSchema,
  ratingTemplateSchema,
  stepsTemplateSchema,
} from "@/server/services/campaigns/template-config";
import { suggestionAgreement, suggestionOutcome } from "@/server/services/suggestions/suggestion-agreement";

const pair = ["a", "b"];

describe("agreement with a suggestion (computed on the server)", () => {
  it("compares verdicts, not strength or rationale", () => {
    const suggestion = { payload: { choice: "a", rationale: "A is right" } };
    expect(suggestionAgreement(suggestion, { choice: "a", strength: "slight" }, pair)).toBe(true);
    expect(suggestionAgreement(suggestion, { choice: "b" }, pair)).toBe(false);
    expect(suggestionAgreement(suggestion, { choice: "tie" }, pair)).toBe(false);
    expect(suggestionAgreement({ payload: { choice: "both_bad" } }, { choice: "both_bad" }, pair)).toBe(true);
  });

  it("reads rankings the same way, so ranking judges can plug in", () => {
    const ids = ["a", "b", "c"];
    const suggestion = { payload: { ranking: [["b"], ["a"], ["c"]] } };
    expect(suggestionAgreement(suggestion, { ranking: [["b"], ["a"], ["c"]] }, ids)).toBe(true);
    expect(suggestionAgreement(suggestion, { ranking: [["b"], ["a", "c"]] }, ids)).toBe(false);
    // Ratings alone name no verdict to compare.
    expect(suggestionAgreement(suggestion, { ratings: { a: { helpfulness: 3 } } }, ids)).toBeNull();
  });

  it("is null, and not shown, when no suggestion was shown", () => {
    expect(suggestionOutcome(null, { choice: "a" }, pair)).toEqual({ suggestionShown: false, agreedWithSuggestion: null });
    expect(suggestionOutcome({ id: "s", judge: "j", payload: { choice: "b" } }, { choice: "a" }, pair)).toEqual({
      suggestionShown: true,
      agreedWithSuggestion: false,
    });
  });

  it("shows only the verdict keys of a judge's payload, never its rationale", () => {
    expect(suggestionVerdict({ choice: "a", strength: "better", rationale: "Response A wins", flags: ["unsafe"] })).toEqual({
      choice: "a",
      strength: "better",
    });
  });
});

describe("accepting a suggestion on the screen", () => {
  it("takes the suggested verdict and keeps the annotator's rationale and flags", () => {
    const template = pairwiseTemplateSchema.parse({ kind: "pairwise", strength: true, flags: ["unsafe"] });
    const typed = { ...PAIRWISE.fromDraft(null, template, pair), choice: "b", rationale: "my notes", flags: ["unsafe"] };
    const accepted = acceptedAnswer(PAIRWISE, typed, template, pair, { choice: "a", strength: "significant" });
    expect(PAIRWISE.toPayload(accepted, template, pair)).toEqual({ choice: "a", strength: "significant", rationale: "my notes", flags: ["unsafe"] });
    // Without a strength from the judge, the template still asks for one before submitting.
    const bare = acceptedAnswer(PAIRWISE, typed, template, pair, { choice: "a" });
    expect(PAIRWISE.problem(bare, template, pair)).toBe("Choose how much better");
  });

  it("fills a ranking from a ranking suggestion", () => {
    const template = rankingTemplateSchema.parse({ kind: "ranking" });
    const ids = ["a", "b", "c"];
    const accepted = acceptedAnswer(RANKING, RANKING.fromDraft(null, template, ids), template, ids, { ranking: [["c"], ["a"], ["b"]] });
    expect(RANKING.problem(accepted, template, ids)).toBeNull();
    expect(RANKING.toPayload(accepted, template, ids)).toEqual({ ranking: [["c"], ["a"], ["b"]] });
  });

  it("has a key of its own, free in every template's key map", () => {
    const maps = [
      PAIRWISE.keys(pairwiseTemplateSchema.parse({ kind: "pairwise", strength: true, flags: ["unsafe"] }), pair),
      RANKING.keys(rankingTemplateSchema.parse({ kind: "ranking" }), ["a", "b", "c"]),
      RATING.keys(ratingTemplateSchema.parse({ kind: "rating", attributes: [{ name: "helpfulness", min: 1, max: 5 }], then: "pairwise" }), ["a", "b"]),
      STEPS.keys({ ...stepsTemplateSchema.parse({ kind: "steps", flags: ["unsafe"] }), responseSteps: {} }, ["a"]),
      SCREEN_KEYS,
    ];
    for (const map of maps) {
      for (const key of ACCEPT_SUGGESTION.keys) expect(map.flatMap((b) => b.keys)).not.toContain(key);
    }
  });
});
