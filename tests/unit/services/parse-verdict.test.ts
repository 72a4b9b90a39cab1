import { describe, expect, it } from "vitest";
import { pairwiseTemplateSchema, rankingTemplateSchema, ratingTemplateSchema } from "@/server/domain/template-config";
import { parseVerdict } from "@/server/services/judges/parse-verdict";
import { verdictAnswer } from "@/server/services/judges/same-answer";
import { verdictResponseFormat, verdictSpec } from "@/server/services/judges/verdict-schema";

const order = ["resp-x", "resp-y"];
const all = verdictSpec(pairwiseTemplateSchema.parse({ kind: "pairwise" }), 2);
const noTie = verdictSpec(pairwiseTemplateSchema.parse({ kind: "pairwise", allow_tie: false }), 2);

describe("reading a judge's verdict", () => {
  it("maps labels to response ids through the order the judge saw, from JSON in any wrapping", () => {
    expect(parseVerdict('{"choice": "A"}', all, order)).toEqual({ payload: { choice: "resp-x" } });
    expect(parseVerdict('```json\n{"choice":"b","rationale":"More accurate."}\n```', all, order)).toEqual({
      payload: { choice: "resp-y", rationale: "More accurate." },
    });
    expect(parseVerdict('After thinking: {"choice": "B"} is my answer.', all, ["p", "q"])).toEqual({ payload: { choice: "q" } });
    expect(parseVerdict("Verdict: [[A]]", all, order)).toEqual({ payload: { choice: "resp-x" } });
    expect(parseVerdict('{"choice": "both bad"}', all, order)).toEqual({ payload: { choice: "both_bad" } });
    expect(parseVerdict("[[tie]]", all, order)).toEqual({ payload: { choice: "tie" } });
    // Nested, with braces inside the rationale, and a label spelled out.
    expect(parseVerdict('{"verdict": {"choice": "Response B", "rationale": "B uses {braces} right."}}', all, order)).toEqual({
      payload: { choice: "resp-y", rationale: "B uses {braces} right." },
    });
  });

  it("says clearly when the reply is not a verdict, or one the template forbids", () => {
    expect(parseVerdict("Both are lovely, honestly.", all, order)).toEqual({
      error: 'The judge\'s reply is not a verdict: "Both are lovely, honestly."',
    });
    expect(parseVerdict('{"winner": "A"}', all, order)).toMatchObject({ error: expect.stringContaining("not a verdict") });
    expect(parseVerdict('{"choice": "tie"}', noTie, order)).toEqual({
      error: 'The judge\'s choice "tie" is not one this template allows',
    });
    expect(parseVerdict('{"choice": "C"}', all, order)).toEqual({ error: 'The judge\'s choice "C" is not one this template allows' });
  });

  it("reads strength and criteria when the template asks for them, in the payload's shape", () => {
    const template = pairwiseTemplateSchema.parse({ kind: "pairwise", strength: true, criteria: ["honesty"] });
    const spec = verdictSpec(template, 2);
    expect(parseVerdict('{"choice": "B", "strength": "Significant", "criteria": {"honesty": "a"}, "rationale": "x"}', spec, order)).toEqual({
      payload: { choice: "resp-y", strength: "significant", criteria: { honesty: "resp-x" }, rationale: "x" },
    });
    // A tie has no strength, whatever the judge says.
    expect(parseVerdict('{"choice": "tie", "strength": "slight"}', spec, order)).toEqual({ payload: { choice: "tie" } });
    expect(parseVerdict('{"choice": "A", "strength": "enormous"}', spec, order)).toEqual({
      error: expect.stringContaining("The judge's verdict does not fit this template: strength"),
    });
  });
});

describe("the verdict schema sent as structured output", () => {
  it("is strict JSON Schema from the same definition: every key required, no others, the template's choices", () => {
    const template = pairwiseTemplateSchema.parse({ kind: "pairwise", allow_both_bad: false, strength: true });
    const format = verdictResponseFormat(verdictSpec(template, 2));
    expect(format).toMatchObject({ type: "json_schema", json_schema: { name: "verdict", strict: true } });
    const schema = format.json_schema.schema as { properties: Record<string, { enum?: string[] }>; required: string[]; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["choice", "strength", "rationale"]);
    expect(schema.properties.choice?.enum).toEqual(["A", "B", "tie"]);
    expect(JSON.stringify(schema)).not.toContain("$schema");
    expect(verdictSpec(template, 2).example).toBe(
      '{"choice": "A" | "B" | "tie", "strength": "negligible" | "slight" | "better" | "significant" | null, "rationale": "<one or two sentences>"}',
    );
  });
});

describe("ranking and rating verdicts", () => {
  const three = ["id-1", "id-2", "id-3"];

  it("reads an order best first with ties, or none acceptable, by id", () => {
    const spec = verdictSpec(rankingTemplateSchema.parse({ kind: "ranking" }), 3);
    expect(parseVerdict('{"ranking": [["c"], ["A", "b"]], "not_rankable": false, "rationale": "C is best."}', spec, three)).toEqual({
      payload: { ranking: [["id-3"], ["id-1", "id-2"]], rationale: "C is best." },
    });
    expect(parseVerdict('{"ranking": [], "not_rankable": true}', spec, three)).toEqual({ payload: { not_rankable: true } });
    expect(parseVerdict('{"ranking": [["A"], ["B"]]}', spec, three)).toEqual({
      error: "The judge's verdict does not fit this template: ranking: place each of A, B, C exactly once",
    });
    const strict = verdictSpec(rankingTemplateSchema.parse({ kind: "ranking", allow_ties: false, allow_not_rankable: false }), 3);
    expect(parseVerdict('{"ranking": [["A", "B"], ["C"]]}', strict, three)).toMatchObject({ error: expect.stringContaining("ranking.0") });
    expect(parseVerdict('{"not_rankable": true}', strict, three)).toMatchObject({ error: expect.stringContaining("does not fit") });
  });

  it("reads every response's ratings on the attributes' scales, numbers given as text too", () => {
    const template = ratingTemplateSchema.parse({ kind: "rating", attributes: [{ name: "helpfulness", min: 1, max: 5 }], then: "pairwise" });
    const spec = verdictSpec(template, 2);
    expect(parseVerdict('{"ratings": {"A": {"helpfulness": "4"}, "b": {"helpfulness": 2}}, "choice": "A"}', spec, ["p", "q"])).toEqual({
      payload: { ratings: { p: { helpfulness: 4 }, q: { helpfulness: 2 } }, choice: "p" },
    });
    expect(parseVerdict('{"ratings": {"A": {"helpfulness": 9}, "B": {"helpfulness": 2}}, "choice": "A"}', spec, ["p", "q"])).toMatchObject({
      error: expect.stringContaining("ratings.A.helpfulness"),
    });
    const schema = verdictResponseFormat(spec).json_schema.schema as { required: string[] };
    expect(schema.required).toEqual(["ratings", "choice", "rationale"]);
    expect(JSON.stringify(schema)).toContain('"enum":[1,2,3,4,5]');
  });

  it("calls two orders consistent when they give the same answer by id, whatever the order inside a tie", () => {
    expect(verdictAnswer({ ranking: [["x"], ["y", "z"]], rationale: "one" })).toBe(verdictAnswer({ ranking: [["x"], ["z", "y"]], rationale: "two" }));
    expect(verdictAnswer({ ranking: [["x"], ["y"], ["z"]] })).not.toBe(verdictAnswer({ ranking: [["x"], ["z"], ["y"]] }));
    expect(verdictAnswer({ choice: "x", strength: "slight" })).toBe(verdictAnswer({ choice: "x", strength: "better" }));
    expect(verdictAnswer({ ratings: { x: { h: 4 }, y: { h: 2 } } })).toBe(verdictAnswer({ ratings: { y: { h: 2 }, x: { h: 4 } } }));
    expect(verdictAnswer({ ratings: { x: { h: 4 }, y: { h: 2 } } })).not.toBe(verdictAnswer({ ratings: { x: { h: 4 }, y: { h: 3 } } }));
  });
});
