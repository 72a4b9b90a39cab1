import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { ParquetColumn } from "./parquet-writer";

/**
 * One row of the `judgements` format made of LLM judge verdicts (source ai-judgements): the
 * human row's shape (DESIGN §8) where it applies, with the judge named in place of an
 * annotator pseudonym and what only a judge verdict has: its job, which of the two display
 * orders it is, whether the two agreed, and its tokens.
 */
export type AiJudgementRow = {
  id: string;
  item_id: string;
  item_external_id: string;
  judge: string;
  job_id: string;
  payload: JudgementPayload;
  responses: { id: string; external_id: string; model: string | null }[];
  /** Response ids in the order the judge saw them. */
  display_order: string[];
  /** 0: the responses in source order; 1: reversed. */
  order_index: number;
  /** Whether the verdict survived the swap; null when the other order never arrived. */
  consistent: boolean | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  created_at: string;
};

export const AI_JUDGEMENT_COLUMNS: ParquetColumn[] = [
  { name: "id", type: "string" },
  { name: "item_id", type: "string" },
  { name: "item_external_id", type: "string" },
  { name: "judge", type: "string" },
  { name: "job_id", type: "string" },
  { name: "payload", type: "json" },
  { name: "responses", type: "json" },
  { name: "display_order", type: "json" },
  { name: "order_index", type: "int" },
  { name: "consistent", type: "boolean" },
  { name: "prompt_tokens", type: "int" },
  { name: "completion_tokens", type: "int" },
  { name: "created_at", type: "string" },
];

export function toAiJudgementRow(input: {
  verdict: {
    id: string;
    judge: string;
    payload: JudgementPayload;
    jobId: string;
    orderIndex: number;
    displayOrder: string[];
    consistent: boolean | null;
    promptTokens: number | null;
    completionTokens: number | null;
    createdAt: string | Date;
  };
  item: { id: string; externalId: string };
  /** The item's responses, in source order. */
  responses: readonly { id: string; externalId: string; model: string | null }[];
}): AiJudgementRow {
  const { verdict, item } = input;
  return {
    id: verdict.id,
    item_id: item.id,
    item_external_id: item.externalId,
    judge: verdict.judge,
    job_id: verdict.jobId,
    payload: verdict.payload,
    responses: input.responses.map((r) => ({ id: r.id, external_id: r.externalId, model: r.model })),
    display_order: verdict.displayOrder,
    order_index: verdict.orderIndex,
    consistent: verdict.consistent,
    prompt_tokens: verdict.promptTokens,
    completion_tokens: verdict.completionTokens,
    created_at: new Date(verdict.createdAt).toISOString(),
  };
}
