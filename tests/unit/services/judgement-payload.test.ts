import { describe, expect, it } from "vitest";
import { DEFAULT_RATIONALE_MAX_LENGTH, templateConfigSchema } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor } from "@/server/services/judgements/judgement-payload";

const ids = ["r1", "r2"];
const pairwise = (extra: Record<string, unknown> = {}) => templateConfigSchema.parse({ kind: "pairwise", ...extra });

describe("judgement payloads per template (DESIGN §5)", () => {
  it("fills template defaults: tie and both-bad allowed, no strength, one verdict per item, optional rationale", () => {
    expect(pairwise()).toEqual({
      kind: "pairwise",
      allow_tie: true,
      allow_both_bad: true,
      strength: false,
      criteria: [],
      per_turn: false,
      rationale: { required: false, min_length: 0 },
      flags: [],
    });
    expect(() => templateConfigSchema.parse({ kind: "pairwise", colour: "red" })).toThrow();
  });

  it("accepts a response id, tie or both_bad, and nothing else", () => {
    const schema = payloadSchemaFor(pairwise(), ids);
    for (const choice of ["r1", "r2", "tie", "both_bad"]) expect(schema.safeParse({ choice }).success).toBe(true);
    expect(schema.safeParse({ choice: "r3" }).success).toBe(false);
    expect(schema.safeParse({ choice: "A" }).success).toBe(false);
    expect(schema.safeParse({ choice: "r1", strength: "better" }).success).toBe(false);
    expect(schema.safeParse({ choice: "r1", unknown: true }).success).toBe(false);
  });

  it("honours disabled tie/both-bad and required strength", () => {
    const strict = payloadSchemaFor(pairwise({ allow_tie: false, allow_both_bad: false, strength: true }), ids);
    expect(strict.safeParse({ choice: "tie" }).success).toBe(false);
    expect(strict.safeParse({ choice: "both_bad" }).success).toBe(false);
    expect(strict.safeParse({ choice: "r1" }).success).toBe(false);
    expect(strict.safeParse({ choice: "r1", strength: "significant" }).success).toBe(true);
    expect(strict.safeParse({ choice: "r1", strength: "huge" }).success).toBe(false);
  });

  it("validates criteria, rationale length and flags against the template", () => {
    const schema = payloadSchemaFor(
      pairwise({ criteria: ["helpfulness"], rationale: { required: true, min_length: 10 }, flags: ["unsafe"] }),
      ids,
    );
    expect(schema.safeParse({ choice: "r1", rationale: "because it is right", criteria: { helpfulness: "tie" }, flags: ["unsafe"] }).success).toBe(true);
    expect(schema.safeParse({ choice: "r1", rationale: "short" }).success).toBe(false);
    expect(schema.safeParse({ choice: "r1", rationale: "long enough text", criteria: { honesty: "r1" } }).success).toBe(false);
    expect(schema.safeParse({ choice: "r1", rationale: "long enough text", flags: ["pii"] }).success).toBe(false);
  });

  it("caps a rationale at the template's max_length, or at the default when it sets none", () => {
    const required = payloadSchemaFor(pairwise({ rationale: { required: true, min_length: 1 } }), ids);
    expect(required.safeParse({ choice: "r1", rationale: "x".repeat(DEFAULT_RATIONALE_MAX_LENGTH) }).success).toBe(true);
    expect(required.safeParse({ choice: "r1", rationale: "x".repeat(DEFAULT_RATIONALE_MAX_LENGTH + 1) }).success).toBe(false);
    expect(required.safeParse({ choice: "r1", rationale: "x".repeat(5_000_000) }).success).toBe(false);
    const capped = payloadSchemaFor(pairwise({ rationale: { required: true, min_length: 2, max_length: 20 } }), ids);
    expect(capped.safeParse({ choice: "r1", rationale: "twenty characters ok" }).success).toBe(true);
    expect(capped.safeParse({ choice: "r1", rationale: "twenty-one characters" }).success).toBe(false);
    const optional = payloadSchemaFor(pairwise({ rationale: { max_length: 5 } }), ids);
    expect(optional.safeParse({ choice: "r1", rationale: "too long" }).success).toBe(false);
    expect(() => pairwise({ rationale: { min_length: 10, max_length: 5 } })).toThrow();
  });

  it("requires a complete ranking, ties only when allowed", () => {
    const three = ["a", "b", "c"];
    const ranking = payloadSchemaFor(templateConfigSchema.parse({ kind: "ranking", allow_ties: false }), three);
    expect(ranking.safeParse({ ranking: [["a"], ["b"], ["c"]] }).success).toBe(true);
    expect(ranking.safeParse({ ranking: [["a", "b"], ["c"]] }).success).toBe(false);
    expect(ranking.safeParse({ ranking: [["a"], ["b"]] }).success).toBe(false);
    expect(ranking.safeParse({ ranking: [["a"], ["a"], ["c"]] }).success).toBe(false);
    expect(ranking.safeParse({ not_rankable: true }).success).toBe(true);
  });

  it("checks ratings against each attribute's range", () => {
    const rating = payloadSchemaFor(
      templateConfigSchema.parse({ kind: "rating", attributes: [{ name: "helpfulness", min: 0, max: 4 }] }),
      ids,
    );
    expect(rating.safeParse({ ratings: { r1: { helpfulness: 4 }, r2: { helpfulness: 0 } } }).success).toBe(true);
    expect(rating.safeParse({ ratings: { r1: { helpfulness: 5 }, r2: { helpfulness: 0 } } }).success).toBe(false);
    expect(rating.safeParse({ ratings: { r1: { helpfulness: 3 } } }).success).toBe(false);
  });
});
