/**
 * Krippendorff's alpha, following Krippendorff (2011) "Computing Krippendorff's
 * Alpha-Reliability". Everything is derived from the coincidence matrix, so the
 * per-unit form (one list of values per item) is the core and the classic
 * observers × units reliability matrix is a thin wrapper over it: judgements are
 * stored per item, and a dense observers × items matrix would be mostly holes.
 */

import {
  distinctRatingValues,
  isMissingRating,
  type MaybeRating,
  type RatingValue,
} from "./rating-value";

export type AlphaMetric = "nominal" | "ordinal" | "interval" | "ratio";

export interface CoincidenceOptions {
  /**
   * The ordered value domain. Optional: by default the values seen in pairable
   * units, numbers ascending then strings by code unit. Required to give string
   * categories an order for the ordinal metric.
   */
  valueDomain?: readonly RatingValue[];
}

export interface AlphaOptions extends CoincidenceOptions {
  /** Difference function; defaults to nominal. */
  metric?: AlphaMetric;
}

export interface CoincidenceMatrix {
  /** Row / column labels of `matrix`, in domain order. */
  values: RatingValue[];
  /** o[c][k]: coincidences of value c with value k. Symmetric. */
  matrix: number[][];
  /** n_c: row sums, i.e. how many pairable values equal c. */
  totals: number[];
  /** n: number of pairable values (the sum of `totals`). */
  n: number;
  /** Units with at least two values; the others cannot be paired and are ignored. */
  pairableUnits: number;
}

/** Turns an observers × units reliability matrix into one value list per unit (columns). */
export function unitsFromReliabilityMatrix(
  matrix: ReadonlyArray<ReadonlyArray<MaybeRating>>,
): MaybeRating[][] {
  const unitCount = matrix.reduce((max, row) => Math.max(max, row.length), 0);
  const units: MaybeRating[][] = Array.from({ length: unitCount }, () => []);
  for (const row of matrix) {
    row.forEach((value, u) => units[u]?.push(value));
  }
  return units;
}

/** Coincidence matrix from one list of values per unit (missing values allowed). */
export function coincidenceMatrixFromUnits(
  units: ReadonlyArray<ReadonlyArray<MaybeRating>>,
  options: CoincidenceOptions = {},
): CoincidenceMatrix {
  const pairable: RatingValue[][] = [];
  for (const unit of units) {
    const present = unit.filter((v): v is RatingValue => !isMissingRating(v));
    if (present.length >= 2) pairable.push(present);
  }

  const values = options.valueDomain
    ? [...options.valueDomain]
    : distinctRatingValues(pairable.flat());
  const index = new Map<RatingValue, number>();
  values.forEach((v, i) => {
    if (index.has(v)) throw new RangeError(`valueDomain lists ${String(v)} twice`);
    index.set(v, i);
  });

  const size = values.length;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of pairable) {
    // n_u: how often each value occurs in this unit.
    const counts = new Map<number, number>();
    for (const v of unit) {
      const i = index.get(v);
      if (i === undefined) throw new RangeError(`value ${String(v)} is not in valueDomain`);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const weight = 1 / (unit.length - 1);
    for (const [c, nc] of counts) {
      const row = matrix[c];
      if (!row) continue;
      for (const [k, nk] of counts) {
        // Pairs of distinct values within the unit: a value is never paired with itself.
        row[k] = (row[k] ?? 0) + (c === k ? nc * (nc - 1) : nc * nk) * weight;
      }
    }
  }

  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  const n = totals.reduce((s, x) => s + x, 0);
  return { values, matrix, totals, n, pairableUnits: pairable.length };
}

/** Coincidence matrix from an observers × units reliability matrix. */
export function coincidenceMatrix(
  reliability: ReadonlyArray<ReadonlyArray<MaybeRating>>,
  options: CoincidenceOptions = {},
): CoincidenceMatrix {
  return coincidenceMatrixFromUnits(unitsFromReliabilityMatrix(reliability), options);
}

/**
 * α from a coincidence matrix. Returns NaN when α is undefined: fewer than two
 * pairable values, or no variation at all (expected disagreement 0).
 */
export function alphaFromCoincidences(
  coincidences: CoincidenceMatrix,
  metric: AlphaMetric = "nominal",
): number {
  const { values, matrix, totals, n } = coincidences;
  if (n < 2) return Number.NaN;
  const delta = differenceFunction(values, totals, metric);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    const row = matrix[c] ?? [];
    const nc = totals[c] ?? 0;
    for (let k = 0; k < values.length; k++) {
      if (c === k) continue; // every metric has δ(c, c) = 0
      const d = delta(c, k);
      observed += (row[k] ?? 0) * d;
      expected += nc * (totals[k] ?? 0) * d;
    }
  }
  if (expected === 0) return Number.NaN;
  // e_ck = n_c n_k / (n - 1) off the diagonal, hence the (n - 1) factor.
  return 1 - ((n - 1) * observed) / expected;
}

/** Krippendorff's α from an observers × units reliability matrix. */
export function krippendorffAlpha(
  reliability: ReadonlyArray<ReadonlyArray<MaybeRating>>,
  options: AlphaOptions = {},
): number {
  return alphaFromCoincidences(
    coincidenceMatrix(reliability, options),
    options.metric ?? "nominal",
  );
}

/** Krippendorff's α from one value list per unit (e.g. all judgements of one item). */
export function krippendorffAlphaFromUnits(
  units: ReadonlyArray<ReadonlyArray<MaybeRating>>,
  options: AlphaOptions = {},
): number {
  return alphaFromCoincidences(
    coincidenceMatrixFromUnits(units, options),
    options.metric ?? "nominal",
  );
}

function numericValues(values: readonly RatingValue[], metric: AlphaMetric): number[] {
  return values.map((v) => {
    if (typeof v !== "number")
      throw new TypeError(`the ${metric} metric needs numeric values, got "${v}"`);
    return v;
  });
}

function differenceFunction(
  values: readonly RatingValue[],
  totals: readonly number[],
  metric: AlphaMetric,
): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "interval": {
      const x = numericValues(values, metric);
      return (c, k) => ((x[c] ?? 0) - (x[k] ?? 0)) ** 2;
    }
    case "ratio": {
      const x = numericValues(values, metric);
      return (c, k) => {
        const a = x[c] ?? 0;
        const b = x[k] ?? 0;
        // a + b = 0 only for a = b = 0 among non-negative ratio data: no difference.
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    }
    case "ordinal": {
      // Distance is measured in ranks weighted by how often each value occurs,
      // so only the order of the domain matters, never the numeric spacing.
      const cumulative = [0];
      for (const t of totals) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + t);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = (cumulative[hi + 1] ?? 0) - (cumulative[lo] ?? 0);
        return (between - ((totals[c] ?? 0) + (totals[k] ?? 0)) / 2) ** 2;
      };
    }
  }
}
