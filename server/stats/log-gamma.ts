/**
 * ln Γ(x), which JavaScript's Math lacks. Needed for binomial probabilities at large
 * n, where n! overflows long before n reaches the sizes we test for position bias.
 */

// Lanczos approximation, g = 7, nine terms (the widely published coefficient set);
// relative error around 1e-15 for x ≥ 0.5.
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError("logGamma is only defined here for x > 0");
  if (x < 0.5) {
    // Reflection keeps the series in its accurate range: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += (COEFFICIENTS[i] ?? 0) / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln C(n, k) for integers 0 ≤ k ≤ n. Absolute error grows like 1e-16 · n ln n (≈ 1e-9 at n = 1e6). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** ln P(X = k) for X ~ Binomial(n, p), 0 < p < 1. */
export function logBinomialPmf(k: number, n: number, p: number): number {
  return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}
