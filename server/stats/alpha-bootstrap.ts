/**
 * Krippendorff's α with a seeded bootstrap interval over units: resample the units with
 * replacement and recompute α. Each unit's contribution to the coincidence matrix is worked
 * out once, so a round only adds up the drawn units' contributions instead of re-reading
 * every value: O(units + rounds × (units + values²)).
 */

import {
  alphaFromCoincidences,
  coincidenceMatrixFromUnits,
  type AlphaMetric,
  type CoincidenceMatrix,
} from "./krippendorff-alpha";
import { quantileSorted } from "./quantile";
import { mulberry32, randomInt } from "./random";
import { isMissingRating, type MaybeRating } from "./rating-value";

export interface AlphaBootstrapOptions {
  metric: AlphaMetric;
  seed: number;
  /** Rounds of resampling; 0 skips the interval. */
  rounds?: number;
  confidence?: number;
}

export interface AlphaBootstrapResult {
  alpha: number;
  /** NaN bounds when α is undefined or there were no rounds. */
  ci: [number, number];
  /** Units with at least two values (the only ones that count). */
  pairableUnits: number;
  /** Pairable values (n of the coincidence matrix). */
  values: number;
}

export function bootstrapAlpha(
  units: ReadonlyArray<ReadonlyArray<MaybeRating>>,
  options: AlphaBootstrapOptions,
): AlphaBootstrapResult {
  const rounds = options.rounds ?? 200;
  const confidence = options.confidence ?? 0.95;
  const full = coincidenceMatrixFromUnits(units);
  const alpha = alphaFromCoincidences(full, options.metric);
  const result = { alpha, pairableUnits: full.pairableUnits, values: full.n };
  if (rounds === 0 || Number.isNaN(alpha)) return { ...result, ci: [Number.NaN, Number.NaN] };

  // Per pairable unit, its coincidence entries as (row·size + column, amount) pairs.
  const size = full.values.length;
  const index = new Map(full.values.map((v, i) => [v, i]));
  const contributions: { cells: number[]; amounts: number[] }[] = [];
  for (const unit of units) {
    const present = unit.filter((v) => !isMissingRating(v));
    if (present.length < 2) continue;
    const counts = new Map<number, number>();
    for (const v of present) {
      const i = index.get(v as number | string) ?? 0;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const weight = 1 / (present.length - 1);
    const cells: number[] = [];
    const amounts: number[] = [];
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const amount = (c === k ? nc * (nc - 1) : nc * nk) * weight;
        if (amount === 0) continue;
        cells.push(c * size + k);
        amounts.push(amount);
      }
    }
    contributions.push({ cells, amounts });
  }

  const random = mulberry32(options.seed);
  const flat = new Float64Array(size * size);
  const estimates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    flat.fill(0);
    for (let u = 0; u < contributions.length; u++) {
      const drawn = contributions[randomInt(random, contributions.length)];
      if (!drawn) continue;
      for (let x = 0; x < drawn.cells.length; x++) {
        const cell = drawn.cells[x] ?? 0;
        flat[cell] = (flat[cell] ?? 0) + (drawn.amounts[x] ?? 0);
      }
    }
    const a = alphaFromCoincidences(toMatrix(full, flat, size), options.metric);
    if (!Number.isNaN(a)) estimates.push(a);
  }
  estimates.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  return {
    ...result,
    ci: estimates.length
      ? [quantileSorted(estimates, tail), quantileSorted(estimates, 1 - tail)]
      : [Number.NaN, Number.NaN],
  };
}

function toMatrix(full: CoincidenceMatrix, flat: Float64Array, size: number): CoincidenceMatrix {
  const matrix = Array.from({ length: size }, (_, c) =>
    Array.from(flat.subarray(c * size, c * size + size)),
  );
  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  return {
    values: full.values,
    matrix,
    totals,
    n: totals.reduce((s, x) => s + x, 0),
    pairableUnits: full.pairableUnits,
  };
}
