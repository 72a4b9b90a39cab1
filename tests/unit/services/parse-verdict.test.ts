import { describe, expect, it } from "vitest";
import { parseVerdict } from "@/server/services/judges/parse-verdict";

const order = ["resp-x", "resp-y"];
const all = { allowTie: true, allowBothBad: true };

describe("reading a judge's verdict", () => {
  it("maps labels to response ids through the order the judge saw, from JSON in any wrapping", () => {
    expect(parseVerdict('{"choice": "A"}', order, all)).toEqual({ payload: { choice: "resp-x" } });
    expect(parseVerdict('```json\n{"choice":"b","rationale":"More accurate."}\n```', order, all)).toEqual({
      payload: { choice: "resp-y", rationale: "More accurate." },
    });
    expect(parseVerdict('After thinking: {"choice": "B"} is my answer.', ["p", "q"], all)).toEqual({ payload: { choice: "q" } });
    expect(parseVerdict("Verdict: [[A]]", order, all)).toEqual({ payload: { choice: "resp-x" } });
    expect(parseVerdict('{"choice": "both bad"}', order, all)).toEqual({ payload: { choice: "both_bad" } });
    expect(parseVerdict("[[tie]]", order, all)).toEqual({ payload: { choice: "tie" } });
  });

  it("says clearly when the reply is not a verdict, or one the template forbids", () => {
    expect(parseVerdict("Both are lovely, honestly.", order, all)).toEqual({
      error: 'The judge\'s reply is not a verdict: "Both are lovely, honestly."',
    });
    expect(parseVerdict('{"winner": "A"}', order, all)).toMatchObject({ error: expect.stringContaining("not a verdict") });
    expect(parseVerdict('{"choice": "tie"}', order, { allowTie: false, allowBothBad: true })).toEqual({
      error: 'The judge\'s choice "tie" is not one this template allows',
    });
    expect(parseVerdict('{"choice": "C"}', order, all)).toMatchObject({ error: expect.stringContaining('"C"') });
  });
});
