/**
 * Seeded bootstrap confidence intervals for Bradley–Terry ratings, as LMSYS reports
 * them: resample the battles with replacement, refit, and read the median and the
 * 2.5% / 97.5% quantiles of each model's rating across rounds.
 *
 * A round only needs how many resampled battles fall in each outcome cell (who beat
 * whom, or which pair tied). Drawing N battles with replacement puts a
 * Multinomial(N, count_c / N) number of them in the cells, so we draw that directly —
 * the same distribution as resampling the list, in O(cells) instead of O(battles) —
 * and refit on the small win table, warm-started from the full-data fit.
 * Cost: O(battles) once, then O(rounds × (models² · √(battles / models²) + models³)).
 */

import {
  countCells,
  encodeBattles,
  weighCells,
  winsFromCellCounts,
  type Battle,
  type EncodedBattles,
} from "./battles";
import {
  fitStrengths,
  strengthToRating,
  type BradleyTerryOptions,
  type BradleyTerryResult,
} from "./bradley-terry";
import { quantileSorted } from "./quantile";
import { mulberry32 } from "./random";
import { sampleMultinomial } from "./sampling";

export interface BootstrapOptions extends BradleyTerryOptions {
  /** Required so that a leaderboard never changes on reload; the same seed gives identical intervals. */
  seed: number;
  /** Number of resampling rounds; LMSYS uses 100 for its leaderboard previews. */
  rounds?: number;
  /** Central interval mass; 0.95 gives the 2.5% and 97.5% quantiles. */
  confidence?: number;
}

export interface RatingInterval {
  /** Rating fitted on all battles. */
  rating: number;
  median: number;
  lower: number;
  upper: number;
}

export interface BootstrapResult {
  models: string[];
  /** The fit on all battles. */
  point: BradleyTerryResult;
  intervals: Record<string, RatingInterval>;
  /** samples[round][model index]: NaN when the model drew no battle that round (skipped by the quantiles). */
  samples: Float64Array[];
  /** Rounds whose resample had no finite maximum-likelihood solution (see StrengthFit.mleExists). */
  roundsWithoutFiniteOptimum: number;
}

export function bootstrapBradleyTerry(
  battles: ReadonlyArray<Battle>,
  options: BootstrapOptions,
): BootstrapResult {
  return bootstrapEncoded(encodeBattles(battles), options);
}

/** The same on battles already encoded, for callers that also tabulate them. */
export function bootstrapEncoded(
  encoded: EncodedBattles,
  options: BootstrapOptions,
): BootstrapResult {
  const rounds = options.rounds ?? 100;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError("rounds must be a positive integer");
  if (!(confidence > 0 && confidence < 1)) throw new RangeError("confidence must be in (0, 1)");

  const { models, cells, weights } = encoded;
  const m = models.length;
  const counts = countCells(cells, m);
  // Weighted battles: a cell's resampled count is scaled by the mean weight of its battles,
  // which is exact whenever a cell's battles share one weight (one K per campaign).
  const weightSums = weighCells(cells, weights, m);
  const meanWeight =
    weights === null ? null : weightSums.map((w, c) => (counts[c] ? w / (counts[c] ?? 1) : 0));
  const wins = winsFromCellCounts(weightSums, m);

  const full = fitStrengths(wins, m, options);
  const { theta: fullTheta, ...fullFit } = full;
  const pointRatings = models.map((_, i) => strengthToRating(fullTheta[i] ?? Number.NaN, options));
  const point: BradleyTerryResult = {
    models: [...models],
    ratings: Object.fromEntries(models.map((model, i) => [model, pointRatings[i] ?? Number.NaN])),
    ...fullFit,
  };

  const random = mulberry32(options.seed);
  const resampled = new Float64Array(counts.length);
  const samples: Float64Array[] = [];
  let roundsWithoutFiniteOptimum = 0;
  for (let round = 0; round < rounds; round++) {
    sampleMultinomial(random, cells.length, counts, resampled);
    if (meanWeight !== null)
      for (let c = 0; c < resampled.length; c++)
        resampled[c] = (resampled[c] ?? 0) * (meanWeight[c] ?? 0);
    winsFromCellCounts(resampled, m, wins);
    const fit = fitStrengths(wins, m, options, fullTheta);
    if (!fit.mleExists) roundsWithoutFiniteOptimum++;
    samples.push(fit.theta.map((t) => strengthToRating(t, options)));
  }

  const tail = (1 - confidence) / 2;
  const intervals = Object.fromEntries(
    models.map((model, i): [string, RatingInterval] => {
      const column = Float64Array.from(samples, (s) => s[i] ?? Number.NaN)
        .filter((x) => !Number.isNaN(x))
        .sort();
      return [
        model,
        {
          rating: pointRatings[i] ?? Number.NaN,
          median: quantileSorted(column, 0.5),
          lower: quantileSorted(column, tail),
          upper: quantileSorted(column, 1 - tail),
        },
      ];
    }),
  );

  return { models, point, intervals, samples, roundsWithoutFiniteOptimum };
}
