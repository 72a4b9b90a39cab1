/**
 * Two-sided exact binomial test, used for position bias: is an annotator's share of
 * "first response wins" compatible with 0.5?
 *
 * The two-sided p-value is the total probability of every outcome no more likely than
 * the one observed (the "minlike" rule of R's binom.test and SciPy's binomtest,
 * including their 1 + 1e-7 relative slack so outcomes of numerically equal probability
 * count on both sides).
 *
 * It stays exact for large n (we test up to 1e6) without a normal approximation:
 * probabilities are anchored in log space with ln Γ, and each tail is summed outward
 * from its inner edge with the pmf ratio recurrence, stopping once terms fall below
 * 1e-17 of the running sum. That visits O(√n) terms, never all n. Accuracy is limited
 * by ln Γ cancellation to a relative error near 1e-9 at n = 1e6; p-values below
 * ~1e-300 underflow to 0.
 */

import { logBinomialPmf } from "./log-gamma";

const RELATIVE_SLACK = 1 + 1e-7;

/**
 * @param successes k, an integer in [0, n]
 * @param trials n, a non-negative integer
 * @param p probability of success under the null hypothesis (default 0.5)
 */
export function binomialTest(successes: number, trials: number, p = 0.5): number {
  const k = successes;
  const n = trials;
  if (!Number.isInteger(n) || n < 0) throw new RangeError("trials must be a non-negative integer");
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError("successes must be an integer in [0, trials]");
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be in [0, 1]");
  if (n === 0) return 1;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;

  const expected = n * p;
  if (k === expected) return 1;
  const threshold = logBinomialPmf(k, n, p) + Math.log(RELATIVE_SLACK);

  let pValue: number;
  if (k < expected) {
    // The pmf is non-increasing from ceil(np) up, so the upper outcomes at most as
    // likely as k are exactly those from the first index whose pmf is ≤ threshold.
    const from = firstIndex(Math.ceil(expected), n, (i) => logBinomialPmf(i, n, p) <= threshold);
    pValue = tailSum(k, n, p, -1) + (from <= n ? tailSum(from, n, p, +1) : 0);
  } else {
    // Mirror image: non-decreasing up to floor(np).
    const to = lastIndex(0, Math.floor(expected), (i) => logBinomialPmf(i, n, p) <= threshold);
    pValue = tailSum(k, n, p, +1) + (to >= 0 ? tailSum(to, n, p, -1) : 0);
  }
  return Math.min(1, pValue);
}

/** Smallest i in [lo, hi] with test(i) true, for test monotone false→true; hi + 1 if none. */
function firstIndex(lo: number, hi: number, test: (i: number) => boolean): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (test(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Largest i in [lo, hi] with test(i) true, for test monotone true→false; lo − 1 if none. */
function lastIndex(lo: number, hi: number, test: (i: number) => boolean): number {
  let a = lo - 1;
  let b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (test(mid)) a = mid;
    else b = mid - 1;
  }
  return a;
}

/**
 * P(X ≤ start) for direction −1, P(X ≥ start) for +1, where terms shrink moving away
 * from start (start is on the far side of the mode in that direction).
 */
function tailSum(start: number, n: number, p: number, direction: 1 | -1): number {
  const odds = p / (1 - p);
  let term = 1; // relative to pmf(start)
  let sum = 1;
  let i = start;
  while (direction > 0 ? i < n : i > 0) {
    term *= direction > 0 ? ((n - i) / (i + 1)) * odds : i / ((n - i + 1) * odds);
    i += direction;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum * Math.exp(logBinomialPmf(start, n, p));
}
