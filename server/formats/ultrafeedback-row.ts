import { createHash } from "node:crypto";
import { messageText, type Message } from "./messages";
import type { ParquetOptions } from "./parquet-writer";
import type { ItemResponse, RankedItem } from "./ranking-pairs";

/** HuggingFaceH4/ultrafeedback_binarized's row (reference/formats.md). */
export interface UltraFeedbackRow {
  prompt: string;
  prompt_id: string;
  chosen: Message[];
  rejected: Message[];
  messages: Message[];
  score_chosen: number;
  score_rejected: number;
}

export const ULTRAFEEDBACK_COLUMNS: NonNullable<ParquetOptions["columns"]> = [
  "prompt",
  "prompt_id",
  { name: "chosen", type: "json" },
  { name: "rejected", type: "json" },
  { name: "messages", type: "json" },
  { name: "score_chosen", type: "float" },
  { name: "score_rejected", type: "float" },
];

/**
 * A response's score: the mean over the rated attributes of each attribute's mean rating
 * across judgements (as the binarized set scores by the mean of its aspect ratings). Null
 * when nobody rated the response.
 */
export function ultraFeedbackScore(
  responseId: string,
  attributes: readonly string[],
  ratings: readonly Record<string, Record<string, number>>[],
): number | null {
  const means: number[] = [];
  for (const attribute of attributes) {
    const scores = ratings
      .map((judgement) => judgement[responseId]?.[attribute])
      .filter((s): s is number => typeof s === "number");
    if (scores.length) means.push(scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  return means.length ? means.reduce((a, b) => a + b, 0) / means.length : null;
}

/**
 * Binarizes an item's ratings: the best-scored response is chosen, the worst-scored one
 * rejected (deterministic, where the published set drew the rejected one at random). Equal
 * scores at the top go to the first in source order. An item with fewer than two scored
 * responses, or all scored alike, carries no preference and yields no row.
 */
export function toUltraFeedbackRow(
  item: RankedItem,
  attributes: readonly string[],
  ratings: readonly Record<string, Record<string, number>>[],
): UltraFeedbackRow | null {
  const scored: { response: ItemResponse; score: number }[] = [];
  for (const response of item.responses) {
    const score = ultraFeedbackScore(response.id, attributes, ratings);
    if (score !== null) scored.push({ response, score });
  }
  if (scored.length < 2) return null;
  let best = scored[0];
  let worst = scored[0];
  for (const entry of scored) {
    if (best && entry.score > best.score) best = entry;
    if (worst && entry.score < worst.score) worst = entry;
  }
  if (!best || !worst || best.score === worst.score) return null;
  const lastUser = [...item.prompt].reverse().find((m) => m.role === "user");
  const prompt = messageText(lastUser?.content ?? item.prompt.map((m) => messageText(m.content)).join("\n\n"));
  const chosen: Message[] = [...item.prompt, { role: "assistant", content: best.response.content }];
  return {
    prompt,
    prompt_id: createHash("sha256").update(prompt).digest("hex"),
    chosen,
    rejected: [...item.prompt, { role: "assistant", content: worst.response.content }],
    messages: chosen,
    score_chosen: best.score,
    score_rejected: worst.score,
  };
}
