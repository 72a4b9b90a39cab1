/**
 * Fleiss' kappa for many raters assigning each subject to one of several categories.
 */

export interface FleissKappaResult {
  kappa: number;
  /** P̄: mean over subjects of the share of agreeing rater pairs. */
  meanAgreement: number;
  /** P̄e: agreement expected by chance, Σ_j p_j². */
  expectedAgreement: number;
  /** p_j: share of all assignments that went to category j. */
  categoryShares: number[];
}

/**
 * @param counts subjects × categories; counts[i][j] = raters who put subject i in category j.
 *
 * The textbook formula assumes the same number of raters per subject. We compute P_i
 * with each subject's own rater count and p_j from the pooled assignments, which is
 * identical when the counts are constant and degrades gracefully when a few raters
 * are missing. Every subject needs at least two ratings (a single rating has no pair).
 * κ is NaN when chance agreement is 1 (everyone used a single category).
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): FleissKappaResult {
  if (counts.length === 0) throw new RangeError("fleissKappa needs at least one subject");
  const categories = counts[0]?.length ?? 0;
  const columnTotals = new Array<number>(categories).fill(0);
  let agreementSum = 0;
  let assignments = 0;

  counts.forEach((row, i) => {
    if (row.length !== categories) {
      throw new RangeError(`subject ${i} has ${row.length} categories, expected ${categories}`);
    }
    let raters = 0;
    let sameCategoryPairs = 0;
    row.forEach((c, j) => {
      if (!Number.isFinite(c) || c < 0)
        throw new RangeError(`counts[${i}][${j}] must be a non-negative number`);
      raters += c;
      sameCategoryPairs += c * (c - 1);
      columnTotals[j] = (columnTotals[j] ?? 0) + c;
    });
    if (raters < 2) throw new RangeError(`subject ${i} has fewer than two ratings`);
    agreementSum += sameCategoryPairs / (raters * (raters - 1));
    assignments += raters;
  });

  const meanAgreement = agreementSum / counts.length;
  const categoryShares = columnTotals.map((t) => t / assignments);
  const expectedAgreement = categoryShares.reduce((s, p) => s + p * p, 0);
  const kappa =
    expectedAgreement === 1
      ? Number.NaN
      : (meanAgreement - expectedAgreement) / (1 - expectedAgreement);
  return { kappa, meanAgreement, expectedAgreement, categoryShares };
}
