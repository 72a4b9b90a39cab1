import { describe, expect, it } from "vitest";
import { RANKING, RATING } from "@/app/(annotate)/campaigns/[id]/answer-kinds";
import { bindingFor } from "@/app/(annotate)/campaigns/[id]/key-map";
import { reorderAll } from "@/app/(annotate)/campaigns/[id]/ranking-answer";
import { defaultTemplate, rankingTemplateSchema, ratingTemplateSchema } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor } from "@/server/services/judgements/judgement-payload";
import type { AnswerKind } from "@/app/(annotate)/campaigns/[id]/answer-kind";

/** Presses keys as the screen does: through the kind's key map, from an empty answer. */
function press<T, A>(kind: AnswerKind<T, A>, template: T, ids: string[], sequence: string, start?: A): A {
  let answer = start ?? kind.fromDraft(null, template, ids);
  for (const key of sequence.split(" ")) {
    const binding = bindingFor(kind.keys(template, ids), key);
    // A key outside the map does nothing, as on the screen.
    if (!binding) continue;
    answer = kind.afterKey(binding.id, key, answer, template, ids) ?? answer;
  }
  return answer;
}

const ids = ["a", "b", "c", "d"];

describe("the ranking keys (DESIGN §5)", () => {
  const template = rankingTemplateSchema.parse({ kind: "ranking" });
  const payload = (keys: string) => RANKING.toPayload(press(RANKING, template, ids, keys), template, ids);

  it("3 1 4 2 ranks the third response best, then the first, fourth and second", () => {
    expect(payload("3 1 4 2")).toEqual({ ranking: [["c"], ["a"], ["d"], ["b"]] });
  });

  it("= ties the next response with the previous; Backspace takes the last one back", () => {
    expect(payload("2 = 4 1 3")).toEqual({ ranking: [["b", "d"], ["a"], ["c"]] });
    expect(payload("1 2 Backspace 3 = Backspace 2 4")).toEqual({ ranking: [["a"], ["c"], ["b"], ["d"]] });
    expect(payload("1 = 2 Backspace 3 4 2")).toEqual({ ranking: [["a"], ["c"], ["d"], ["b"]] });
  });

  it("a number pressed twice or out of range changes nothing; 0 is none acceptable", () => {
    expect(payload("1 1 9 2 3 4")).toEqual({ ranking: [["a"], ["b"], ["c"], ["d"]] });
    expect(payload("0")).toEqual({ not_rankable: true });
  });

  it("submits only once every response is placed, and what it sends passes the server's schema", () => {
    const partial = press(RANKING, template, ids, "3 1");
    expect(RANKING.problem(partial, template, ids)).toMatch(/2 of 4/);
    const schema = payloadSchemaFor(template, ids);
    for (const keys of ["3 1 4 2", "2 = 4 1 3", "0"]) {
      const answer = press(RANKING, template, ids, keys);
      expect(RANKING.problem(answer, template, ids)).toBeNull();
      expect(schema.safeParse(RANKING.toPayload(answer, template, ids)).success).toBe(true);
    }
  });

  it("without ties or none allowed, = and 0 are not keys at all", () => {
    const strict = rankingTemplateSchema.parse({ kind: "ranking", allow_ties: false, allow_not_rankable: false });
    const keys = RANKING.keys(strict, ids).flatMap((b) => b.keys);
    expect(keys).not.toContain("=");
    expect(keys).not.toContain("0");
  });

  it("a drag places every response in the list's order and keeps untouched ties", () => {
    const tied = press(RANKING, template, ids, "1 = 2");
    expect(reorderAll(tied, ["a", "b", "d", "c"], "d").groups).toEqual([["a", "b"], ["d"], ["c"]]);
    expect(reorderAll(tied, ["a", "d", "b", "c"], "d").groups).toEqual([["a"], ["d"], ["b"], ["c"]]);
  });

  it("a draft comes back, dropping ids that are not this task's", () => {
    const back = RANKING.fromDraft({ groups: [["c", "x"], ["c"], ["a"]] }, template, ids);
    expect(back.groups).toEqual([["c"], ["a"]]);
  });
});

describe("the rating keys", () => {
  const template = ratingTemplateSchema.parse({
    kind: "rating",
    attributes: [
      { name: "helpfulness", min: 1, max: 5 },
      { name: "correctness", min: 0, max: 4 },
    ],
  });
  const two = ["a", "b"];

  it("digits rate the focused row and move on; arrows and Tab move; out-of-scale digits do nothing", () => {
    const answer = press(RATING, template, two, "5 0 6 3 4 ArrowUp ArrowUp 2 Shift+Tab Tab Backspace 1");
    expect(answer.ratings).toEqual({ a: { helpfulness: 5, correctness: 2 }, b: { helpfulness: 1, correctness: 4 } });
    expect(payloadSchemaFor(template, two).safeParse(RATING.toPayload(answer, template, two)).success).toBe(true);
  });

  it("Tab past the last row is the browser's again", () => {
    const last = press(RATING, template, two, "1 1 1 1");
    expect(RATING.afterKey("next-row", "Tab", last, template, two)).toBeNull();
  });

  it("then pairwise: the last row's digit picks the best response; then ranking: it orders them", () => {
    const pairwise = { ...template, then: "pairwise" as const };
    const chosen = press(RATING, pairwise, two, "4 3 2 1 2");
    expect(RATING.toPayload(chosen, pairwise, two)).toEqual({
      ratings: { a: { helpfulness: 4, correctness: 3 }, b: { helpfulness: 2, correctness: 1 } },
      choice: "b",
    });
    const ranking = { ...template, then: "ranking" as const };
    const ordered = press(RATING, ranking, two, "4 3 2 1 2 = 1");
    expect(RATING.toPayload(ordered, ranking, two)).toMatchObject({ ranking: [["b", "a"]] });
    for (const [t, a] of [
      [pairwise, chosen],
      [ranking, ordered],
    ] as const) {
      expect(RATING.problem(a, t, two)).toBeNull();
      expect(payloadSchemaFor(t, two).safeParse(RATING.toPayload(a, t, two)).success).toBe(true);
    }
  });

  it("a new rating template has a default attribute on a Likert scale", () => {
    expect(defaultTemplate("rating")).toMatchObject({ attributes: [{ name: "helpfulness", min: 1, max: 5 }], then: null });
  });
});
