/**
 * Exact binomial and multinomial draws from a seeded uniform source. The bootstrap
 * uses them to resample a whole battle table in O(cells) instead of O(battles):
 * the counts of N battles drawn with replacement from C cells are multinomial.
 */

import { logBinomialPmf } from "./log-gamma";
import type { RandomSource } from "./random";

/** Below this mean, plain inversion from 0 is cheapest and (1 − p)^n cannot underflow. */
const SMALL_MEAN = 30;

/**
 * One Binomial(n, p) draw by inversion: a single uniform, walked through the
 * probability mass starting where it is densest. Expected work O(1 + √(np(1 − p))).
 */
export function sampleBinomial(random: RandomSource, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // Working with the smaller tail probability keeps the walk short and ratios ≤ 1.
  if (p > 0.5) return n - sampleBinomial(random, n, 1 - p);
  const q = 1 - p;
  const odds = p / q;
  let u = random();

  if (n * p < SMALL_MEAN) {
    let x = 0;
    let f = Math.exp(n * Math.log1p(-p));
    while (u > f && x < n) {
      u -= f;
      f *= ((n - x) / (x + 1)) * odds;
      x++;
    }
    return x;
  }

  // Chop-down search from the mode, alternating down and up.
  const mode = Math.floor((n + 1) * p);
  const fMode = Math.exp(logBinomialPmf(mode, n, p));
  u -= fMode;
  if (u <= 0) return mode;
  let lo = mode;
  let hi = mode;
  let fLo = fMode;
  let fHi = fMode;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      fLo *= lo / ((n - lo + 1) * odds);
      lo--;
      u -= fLo;
      if (u <= 0) return lo;
    }
    if (hi < n) {
      fHi *= ((n - hi) / (hi + 1)) * odds;
      hi++;
      u -= fHi;
      if (u <= 0) return hi;
    }
  }
  // Only reachable through round-off in the last ~1e-15 of mass.
  return mode;
}

/**
 * Multinomial(n, weights / Σweights) by successive conditional binomials, written
 * into `out` (same length as weights). Cells with zero weight get zero.
 */
export function sampleMultinomial(
  random: RandomSource,
  n: number,
  weights: ArrayLike<number>,
  out: Float64Array = new Float64Array(weights.length),
): Float64Array {
  let remainingWeight = 0;
  for (let i = 0; i < weights.length; i++) remainingWeight += weights[i] ?? 0;
  let remaining = n;
  let last = -1;
  for (let i = 0; i < weights.length; i++) if ((weights[i] ?? 0) > 0) last = i;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (w <= 0 || remaining === 0) {
      out[i] = 0;
      continue;
    }
    // The last cell takes the remainder exactly, so counts always sum to n.
    const x =
      i === last ? remaining : sampleBinomial(random, remaining, Math.min(1, w / remainingWeight));
    out[i] = x;
    remaining -= x;
    remainingWeight -= w;
  }
  return out;
}
