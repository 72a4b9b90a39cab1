import type { Message } from "./messages";
import type { ParquetOptions } from "./parquet-writer";
import { exportedPrompt, type RankedItem } from "./ranking-pairs";

/**
 * HelpSteer2-like row: one per response, with the mean of each rated attribute and how many
 * judgements rated it (`<attribute>_count`), so a reader can weigh a mean of one against a
 * mean of five. `id` and `response_id` (external ids) are added so rows can be joined back.
 */
export type RatingsRow = {
  id: string;
  response_id: string;
  prompt: string | Message[];
  response: string;
  model: string | null;
} & Record<string, string | number | null | Message[]>;

const RESERVED = new Set(["id", "response_id", "prompt", "response", "model"]);

/** Parquet columns: means are floats, counts integers (inference would make both DOUBLE). */
export function ratingsColumns(
  attributes: readonly string[],
): NonNullable<ParquetOptions["columns"]> {
  return [
    ...RESERVED,
    ...attributes.flatMap((name) => [
      { name, type: "float" as const },
      { name: `${name}_count`, type: "int" as const },
    ]),
  ];
}

/**
 * One row per response of an item. `ratings` holds the `ratings` map of every judgement of
 * the item (response id → attribute → score). A mean with no ratings is null, not 0, since 0
 * is a valid score on a 0–4 scale.
 */
export function toRatingsRows(
  item: RankedItem,
  attributes: readonly string[],
  ratings: readonly Record<string, Record<string, number>>[],
): RatingsRow[] {
  // "x" and "x_count" are both columns: no attribute may land on another's column.
  const taken = new Set(RESERVED);
  for (const name of attributes.flatMap((a) => [a, `${a}_count`])) {
    if (taken.has(name)) throw new Error(`Attribute column "${name}" clashes with another column`);
    taken.add(name);
  }
  const prompt = exportedPrompt(item);
  return item.responses.map((response) => {
    const row: RatingsRow = {
      id: item.itemExternalId,
      response_id: response.externalId,
      prompt,
      response: response.content,
      model: response.model,
    };
    for (const attribute of attributes) {
      const scores = ratings
        .map((judgement) => judgement[response.id]?.[attribute])
        .filter((score): score is number => typeof score === "number");
      row[attribute] = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      row[`${attribute}_count`] = scores.length;
    }
    return row;
  });
}
