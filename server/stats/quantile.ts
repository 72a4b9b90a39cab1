/**
 * Sample quantiles with linear interpolation between order statistics (Hyndman–Fan
 * type 7), the default of numpy and pandas, so our bootstrap intervals read the same
 * as LMSYS's `DataFrame.quantile`.
 */

/** q in [0, 1]; `sorted` must be ascending and non-empty (NaN otherwise). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * Math.min(Math.max(q, 0), 1);
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (position - lo);
}

/** Quantile of unsorted values, ignoring NaN (a model absent from a bootstrap round). */
export function quantile(values: Iterable<number>, q: number): number {
  const finite = Float64Array.from([...values].filter((v) => !Number.isNaN(v))).sort();
  return quantileSorted(finite, q);
}
