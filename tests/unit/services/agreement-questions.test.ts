import { describe, expect, it } from "vitest";
import { templateConfigSchema } from "@/server/domain/template-config";
import { krippendorffAlphaFromUnits } from "@/server/stats";
import { agreementQuestions } from "@/server/services/quality/agreement-questions";
import type { QualityItem, QualityJudgement } from "@/server/services/quality/load-quality-data";

const item = (id: string, responses: string[]): QualityItem => ({
  id,
  externalId: id,
  kind: "regular",
  goldAnswer: null,
  responses: responses.map((r) => ({ id: r, externalId: r, model: null, length: 1 })),
});
const vote = (itemId: string, annotatorId: string, payload: object): QualityJudgement => ({
  id: `${itemId}-${annotatorId}`,
  itemId,
  annotatorId,
  payload: payload as QualityJudgement["payload"],
  displayOrder: [],
  activeMs: null,
  suggestionShown: false,
  agreedWithSuggestion: null,
  answerMs: null,
  submittedAt: new Date(0),
  probe: false,
});

describe("agreementQuestions", () => {
  it("names responses by source position, so the same preference matches across items", () => {
    const template = templateConfigSchema.parse({
      kind: "pairwise",
      strength: true,
      criteria: ["honesty"],
    });
    const items = new Map([
      ["i1", item("i1", ["x1", "y1"])],
      ["i2", item("i2", ["x2", "y2"])],
    ]);
    const questions = agreementQuestions(template, items, [
      vote("i1", "u", { choice: "x1", strength: "significant", criteria: { honesty: "tie" } }),
      vote("i1", "v", { choice: "y1", strength: "slight", criteria: { honesty: "y1" } }),
      vote("i2", "u", { choice: "tie" }),
    ]);
    expect(questions.map((q) => [q.question, q.level])).toEqual([
      ["choice", "nominal"],
      ["strength", "ordinal"],
      ["criteria.honesty", "nominal"],
    ]);
    expect(questions[0]?.units).toEqual([
      { itemId: "i1", values: ["r1", "r2"] },
      { itemId: "i2", values: ["tie"] },
    ]);
    // First response much better = −4 … second slightly better = +2; a tie is 0.
    expect(questions[1]?.units.map((u) => u.values)).toEqual([[-4, 2], [0]]);
    expect(questions[2]?.units.map((u) => u.values)).toEqual([["tie", "r2"]]);
  });

  it("counts a per-turn judgement's verdicts as pairwise verdicts per (item, turn)", () => {
    const template = templateConfigSchema.parse({ kind: "pairwise", per_turn: true, strength: true });
    const items = new Map([["i1", item("i1", ["x", "y"])]]);
    const [choice, strength] = agreementQuestions(template, items, [
      vote("i1", "u", { turns: [{ choice: "x", strength: "better" }, { choice: "tie" }, { choice: "y", strength: "slight" }] }),
      vote("i1", "v", { turns: [{ choice: "x", strength: "slight" }, { choice: "y", strength: "better" }, { choice: "y", strength: "slight" }] }),
    ]);
    expect(choice?.units).toEqual([
      { itemId: "i1", values: ["r1", "r1"] },
      { itemId: "i1", values: ["tie", "r2"] },
      { itemId: "i1", values: ["r2", "r2"] },
    ]);
    expect(strength?.units.map((u) => u.values)).toEqual([[-3, -2], [0, 3], [2, 2]]);
    // Perfect agreement on two turns of three, none on the middle one: α between 0 and 1.
    const alpha = krippendorffAlphaFromUnits(choice?.units.map((u) => u.values) ?? []);
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
  });

  it("gives rankings one ordinal unit per response and ratings one interval unit per response and attribute", () => {
    const ranking = templateConfigSchema.parse({ kind: "ranking" });
    const items = new Map([["i", item("i", ["a", "b", "c"])]]);
    const [ranks] = agreementQuestions(ranking, items, [
      vote("i", "u", { ranking: [["a"], ["b", "c"]] }),
      vote("i", "v", { not_rankable: true }),
    ]);
    expect(ranks).toMatchObject({ question: "ranking", level: "ordinal", primary: true });
    expect(ranks?.units.map((u) => u.values)).toEqual([[1], [2], [2]]);

    const rating = templateConfigSchema.parse({
      kind: "rating",
      attributes: [
        { name: "help", min: 1, max: 5 },
        { name: "safe", min: 0, max: 4 },
      ],
    });
    const questions = agreementQuestions(rating, items, [
      vote("i", "u", {
        ratings: { a: { help: 4, safe: 1 }, b: { help: 2, safe: 0 }, c: { help: 5, safe: 4 } },
      }),
    ]);
    expect(questions.map((q) => [q.question, q.level, q.units.length])).toEqual([
      ["ratings.help", "interval", 3],
      ["ratings.safe", "interval", 3],
    ]);
  });

  it("gives step labels one nominal unit per step, so α counts agreement step by step", () => {
    const template = templateConfigSchema.parse({ kind: "steps" });
    const items = new Map([["i", item("i", ["a"])]]);
    const [steps, ...rest] = agreementQuestions(template, items, [
      vote("i", "u", { steps: { a: [1, 1, -1, -1] } }),
      vote("i", "v", { steps: { a: [1, 1, -1, 1] } }),
    ]);
    expect(rest).toEqual([]);
    expect(steps).toMatchObject({ question: "steps", level: "nominal", primary: true });
    expect(steps?.units.map((u) => u.values)).toEqual([[1, 1], [1, 1], [-1, -1], [-1, 1]]);
    // By hand: n = 8 (five +1, three −1); observed 2 disagreeing pairs of values against
    // 2·5·3/7 expected: α = 1 − 2 / (30/7) = 8/15.
    expect(krippendorffAlphaFromUnits(steps?.units.map((u) => u.values) ?? [])).toBeCloseTo(8 / 15, 10);
  });
});
