import type { Message } from "./messages";
import type { ParquetOptions } from "./parquet-writer";
import { exportedPrompt, RankingError, resolveRanking, type RankedItem } from "./ranking-pairs";

export interface RankedAnswer {
  answer: string;
  model: string | null;
  /** 1 = best; tied answers share a rank. */
  rank: number;
}

/** Nectar-like row; `id` (the item's external id) is added so rows can be joined back. */
export type RankingsRow = {
  id: string;
  prompt: string | Message[];
  answers: RankedAnswer[];
  turns: number;
  num_responses: number;
};

/** Parquet columns: the counts are integers, which inference (numbers → DOUBLE) would miss. */
export const RANKINGS_COLUMNS: NonNullable<ParquetOptions["columns"]> = [
  "id",
  "prompt",
  "answers",
  { name: "turns", type: "int" },
  { name: "num_responses", type: "int" },
];

/**
 * One item with its consensus order (groups best first; an inner list is a tie). Ranks are
 * competition ranks (1, 2, 2, 4): a rank is one more than the number of strictly better
 * answers, so it keeps its meaning with ties. Answers are listed best first. A text prompt
 * stays a string and a conversation stays a message list, as in the TRL exports.
 */
export function toRankingsRow(
  item: RankedItem,
  order: readonly (readonly string[])[],
): RankingsRow {
  const groups = resolveRanking(item, order);
  const ranked = groups.reduce((sum, group) => sum + group.length, 0);
  if (ranked !== item.responses.length) {
    throw new RankingError(
      `Item ${item.itemExternalId}: the order ranks ${ranked} of ${item.responses.length} responses`,
    );
  }
  const answers: RankedAnswer[] = [];
  let better = 0;
  for (const group of groups) {
    for (const response of group) {
      answers.push({ answer: response.content, model: response.model, rank: better + 1 });
    }
    better += group.length;
  }
  return {
    id: item.itemExternalId,
    prompt: exportedPrompt(item),
    answers,
    // Nectar counts human turns; tool results are not turns a person wrote.
    turns: item.prompt.filter((m) => m.role === "user").length,
    num_responses: answers.length,
  };
}
