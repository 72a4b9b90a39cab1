/**
 * Dense symmetric positive-definite solve for the Newton steps of the rating fit.
 * The systems are models × models (tens), so a plain Cholesky factorisation is both
 * the simplest and the fastest choice; no library is worth its weight here.
 */

/**
 * Solves A x = b for symmetric positive-definite A (row-major n × n). A is not
 * modified. When A is numerically singular — which happens when predicted win
 * probabilities saturate at 0 or 1 — a growing ridge is added to the diagonal: the
 * step then shrinks towards gradient ascent but still points uphill.
 */
export function solveSymmetricPositiveDefinite(
  a: Float64Array,
  b: Float64Array,
  n: number,
): Float64Array {
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, a[i * n + i] ?? 0);
  let ridge = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    const factor = cholesky(a, n, ridge, maxDiagonal);
    if (factor) return substitute(factor, b, n);
    ridge = ridge === 0 ? Math.max(maxDiagonal * 1e-12, Number.MIN_VALUE) : ridge * 100;
  }
  throw new RangeError("matrix is not positive definite");
}

/** Lower-triangular L with L Lᵀ = A + ridge·I, or null when a pivot is not safely positive. */
function cholesky(
  a: Float64Array,
  n: number,
  ridge: number,
  maxDiagonal: number,
): Float64Array | null {
  const l = new Float64Array(n * n);
  // A pivot this small relative to the largest diagonal means the solve would amplify
  // round-off into nonsense steps, so treat it as singular.
  const floor = maxDiagonal * 1e-14;
  for (let j = 0; j < n; j++) {
    let diagonal = (a[j * n + j] ?? 0) + ridge;
    for (let k = 0; k < j; k++) diagonal -= (l[j * n + k] ?? 0) ** 2;
    if (!(diagonal > floor)) return null;
    const pivot = Math.sqrt(diagonal);
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0);
      l[i * n + j] = s / pivot;
    }
  }
  return l;
}

function substitute(l: Float64Array, b: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] ?? 0) * (y[k] ?? 0);
    y[i] = s / (l[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] ?? 0) * (x[k] ?? 0);
    x[i] = s / (l[i * n + i] ?? 1);
  }
  return x;
}
