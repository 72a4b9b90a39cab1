/**
 * Cohen's kappa for two raters, optionally weighted for ordered categories.
 */

import {
  distinctRatingValues,
  isMissingRating,
  type MaybeRating,
  type RatingValue,
} from "./rating-value";

/** "linear" and "quadratic" penalise a disagreement by |i − j| or (i − j)² category steps. */
export type KappaWeighting = "none" | "linear" | "quadratic";

export interface CohenKappaOptions {
  weights?: KappaWeighting;
}

export interface CohenKappaResult {
  kappa: number;
  /** p_o: observed (weighted) agreement, 1 − Σ w·o with weights scaled to [0, 1]. */
  observedAgreement: number;
  /** p_e: agreement expected from the two raters' marginals, same scaling. */
  expectedAgreement: number;
  /** Number of items both raters labelled. */
  items: number;
}

/**
 * @param table square confusion table: rows rater 1, columns rater 2, both in the
 *   same category order (the order matters for weighted kappa).
 * κ is NaN when chance agreement is already perfect (both raters used one category).
 */
export function cohenKappa(
  table: ReadonlyArray<ReadonlyArray<number>>,
  options: CohenKappaOptions = {},
): CohenKappaResult {
  const k = table.length;
  let total = 0;
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  table.forEach((row, i) => {
    if (row.length !== k) throw new RangeError("cohenKappa needs a square table");
    row.forEach((x, j) => {
      if (!Number.isFinite(x) || x < 0)
        throw new RangeError(`table[${i}][${j}] must be a non-negative number`);
      total += x;
      rowTotals[i] = (rowTotals[i] ?? 0) + x;
      colTotals[j] = (colTotals[j] ?? 0) + x;
    });
  });
  if (total === 0) throw new RangeError("cohenKappa needs at least one rated item");

  const weight = disagreementWeight(options.weights ?? "none", k);
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  table.forEach((row, i) => {
    row.forEach((x, j) => {
      const w = weight(i, j);
      observedDisagreement += (w * x) / total;
      expectedDisagreement += (w * (rowTotals[i] ?? 0) * (colTotals[j] ?? 0)) / (total * total);
    });
  });

  // κ_w = 1 − Σ w·o / Σ w·e is the same as (p_o − p_e) / (1 − p_e) with p = 1 − Σ w·(·).
  const kappa =
    expectedDisagreement === 0 ? Number.NaN : 1 - observedDisagreement / expectedDisagreement;
  return {
    kappa,
    observedAgreement: 1 - observedDisagreement,
    expectedAgreement: 1 - expectedDisagreement,
    items: total,
  };
}

export interface ConfusionTable {
  /** Category order of rows and columns. */
  categories: RatingValue[];
  table: number[][];
}

/**
 * Confusion table from two aligned label arrays. Items that either rater left
 * unlabelled are dropped. `categories` fixes the order (needed for weighted kappa
 * on string categories); by default numbers ascending, then strings.
 */
export function confusionTable(
  rater1: ReadonlyArray<MaybeRating>,
  rater2: ReadonlyArray<MaybeRating>,
  categories?: readonly RatingValue[],
): ConfusionTable {
  if (rater1.length !== rater2.length)
    throw new RangeError("both raters need the same number of items");
  const order = categories ? [...categories] : distinctRatingValues([...rater1, ...rater2]);
  const index = new Map(order.map((c, i) => [c, i] as const));
  const table = order.map(() => new Array<number>(order.length).fill(0));
  rater1.forEach((a, item) => {
    const b = rater2[item];
    if (isMissingRating(a) || isMissingRating(b)) return;
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined)
      throw new RangeError(`item ${item} has a label outside categories`);
    const row = table[i];
    if (row) row[j] = (row[j] ?? 0) + 1;
  });
  return { categories: order, table };
}

/** Cohen's kappa straight from two aligned label arrays. */
export function cohenKappaFromLabels(
  rater1: ReadonlyArray<MaybeRating>,
  rater2: ReadonlyArray<MaybeRating>,
  options: CohenKappaOptions & { categories?: readonly RatingValue[] } = {},
): CohenKappaResult {
  return cohenKappa(confusionTable(rater1, rater2, options.categories).table, options);
}

function disagreementWeight(
  weighting: KappaWeighting,
  k: number,
): (i: number, j: number) => number {
  // Scaled to [0, 1] so observed/expected agreement stay interpretable as shares;
  // κ itself does not depend on the scale.
  const span = Math.max(k - 1, 1);
  switch (weighting) {
    case "none":
      return (i, j) => (i === j ? 0 : 1);
    case "linear":
      return (i, j) => Math.abs(i - j) / span;
    case "quadratic":
      return (i, j) => ((i - j) / span) ** 2;
  }
}
