import { describe, expect, it } from "vitest";
import { guessImportFormat } from "@/app/(admin)/admin/campaigns/[id]/_components/guess-import-format";
import {
  EMPTY_ANSWER,
  answerFromDraft,
  answerProblem,
  answerToPayload,
} from "@/app/(annotate)/campaigns/[id]/pairwise-answer";
import { pairwiseTemplateSchema } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor } from "@/server/services/judgements/judgement-payload";

describe("guessing the import format from a file name", () => {
  it.each([
    ["pairs.csv", "csv"],
    ["PAIRS.CSV.GZ", "csv"],
    ["hh-rlhf-train.jsonl", "hh-rlhf"],
    ["anthropic_hh.jsonl.gz", "hh-rlhf"],
    ["openai-dpo.jsonl", "openai-dpo"],
    ["trl_pairs.jsonl", "trl"],
    ["items.jsonl", "native"],
    ["notes.txt", null],
  ])("%s → %s", (name, format) => {
    expect(guessImportFormat(name)).toBe(format);
  });
});

describe("the pairwise answer the annotator screen sends", () => {
  const ids = ["r1", "r2"];
  const full = pairwiseTemplateSchema.parse({
    kind: "pairwise",
    strength: true,
    criteria: ["helpfulness", "honesty"],
    rationale: { required: true, min_length: 5 },
    flags: ["unsafe"],
  });
  const plain = pairwiseTemplateSchema.parse({ kind: "pairwise" });

  it("asks for strength, every criterion or none, and a long enough rationale", () => {
    const chosen = { ...EMPTY_ANSWER, choice: "r1" };
    expect(answerProblem(EMPTY_ANSWER, full, ids)).toMatch(/verdict/);
    expect(answerProblem(chosen, full, ids)).toMatch(/how much/);
    const strong = { ...chosen, strength: "slight" as const };
    expect(answerProblem({ ...strong, criteria: { helpfulness: "r1" } }, full, ids)).toMatch(
      /every criterion/,
    );
    expect(answerProblem({ ...strong, rationale: "ok" }, full, ids)).toMatch(/at least 5/);
    expect(answerProblem({ ...strong, rationale: "because" }, full, ids)).toBeNull();
    expect(answerProblem({ ...EMPTY_ANSWER, choice: "tie" }, plain, ids)).toBeNull();
  });

  it("produces payloads the server accepts, with only the enabled keys", () => {
    const answer = {
      choice: "r2",
      strength: "significant" as const,
      criteria: { helpfulness: "r2", honesty: "tie" },
      rationale: "  clearer  ",
      flags: ["unsafe"],
    };
    const payload = answerToPayload(answer, full, ids);
    expect(payload).toEqual({
      choice: "r2",
      strength: "significant",
      criteria: answer.criteria,
      rationale: "clearer",
      flags: ["unsafe"],
    });
    expect(payloadSchemaFor(full, ids).safeParse(payload).success).toBe(true);
    const tie = answerToPayload({ ...EMPTY_ANSWER, choice: "tie", strength: "slight" }, plain, ids);
    expect(tie).toEqual({ choice: "tie" });
    expect(payloadSchemaFor(plain, ids).safeParse(tie).success).toBe(true);
  });

  it("restores a draft only as far as it fits the task and template", () => {
    expect(
      answerFromDraft(
        {
          choice: "r1",
          strength: "slight",
          flags: ["unsafe", "bogus"],
          criteria: { honesty: "r9" },
        },
        full,
        ids,
      ),
    ).toEqual({
      choice: "r1",
      strength: "slight",
      criteria: {},
      rationale: "",
      flags: ["unsafe"],
    });
    expect(
      answerFromDraft(
        { choice: "tie" },
        pairwiseTemplateSchema.parse({ kind: "pairwise", allow_tie: false }),
        ids,
      ).choice,
    ).toBeNull();
    expect(answerFromDraft(null, plain, ids)).toEqual(EMPTY_ANSWER);
  });
});
