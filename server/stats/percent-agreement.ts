/**
 * Raw percent agreement, the number people read first before any chance correction.
 */

import { isMissingRating, type MaybeRating, type RatingValue } from "./rating-value";

export interface PercentAgreementResult {
  /** Mean over units of the share of agreeing rater pairs (Fleiss' P̄ for equal rater counts). */
  pairwise: number;
  /** Share of units on which every rater gave the same value. */
  unanimous: number;
  /** Units with at least two ratings; the others say nothing about agreement. */
  units: number;
}

/**
 * @param units one list of ratings per unit (item); missing ratings are skipped.
 * Both shares are NaN when no unit has two ratings.
 */
export function percentAgreement(
  units: ReadonlyArray<ReadonlyArray<MaybeRating>>,
): PercentAgreementResult {
  let pairwiseSum = 0;
  let unanimousUnits = 0;
  let counted = 0;
  for (const unit of units) {
    const counts = new Map<RatingValue, number>();
    let m = 0;
    for (const v of unit) {
      if (isMissingRating(v)) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    let agreeingPairs = 0;
    for (const c of counts.values()) agreeingPairs += (c * (c - 1)) / 2;
    pairwiseSum += agreeingPairs / ((m * (m - 1)) / 2);
    if (counts.size === 1) unanimousUnits++;
    counted++;
  }
  return {
    pairwise: counted === 0 ? Number.NaN : pairwiseSum / counted,
    unanimous: counted === 0 ? Number.NaN : unanimousUnits / counted,
    units: counted,
  };
}
