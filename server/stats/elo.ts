/**
 * Online Elo as LMSYS computes it, kept next to Bradley–Terry for comparison: it
 * depends on battle order, which is exactly why the leaderboard's headline number is
 * the order-free Bradley–Terry fit.
 */

import type { Battle } from "./battles";

export interface EloOptions {
  /** Defaults follow LMSYS: K = 4, base 10, scale 400, everyone starts at 1000. */
  k?: number;
  base?: number;
  scale?: number;
  initialRating?: number;
}

export interface EloResult {
  /** Models sorted by name. */
  models: string[];
  ratings: Record<string, number>;
}

/** Processes battles in the given order; a tie scores 0.5 for each side; K scales with a battle's weight. */
export function onlineElo(battles: ReadonlyArray<Battle>, options: EloOptions = {}): EloResult {
  const k = options.k ?? 4;
  const base = options.base ?? 10;
  const scale = options.scale ?? 400;
  const initial = options.initialRating ?? 1000;
  const ratings = new Map<string, number>();

  for (const { modelA, modelB, winner, weight = 1 } of battles) {
    const ra = ratings.get(modelA) ?? initial;
    const rb = ratings.get(modelB) ?? initial;
    const expectedA = 1 / (1 + base ** ((rb - ra) / scale));
    const expectedB = 1 / (1 + base ** ((ra - rb) / scale));
    if (winner !== "a" && winner !== "b" && winner !== "tie")
      throw new RangeError(`unknown winner ${String(winner)}`);
    const scoreA = winner === "a" ? 1 : winner === "b" ? 0 : 0.5;
    // Both updates use the ratings from before this battle, as LMSYS does.
    // A weighted battle (one pair of a K-wise ranking) moves the ratings by its share of K.
    ratings.set(modelA, ra + k * weight * (scoreA - expectedA));
    ratings.set(modelB, (ratings.get(modelB) ?? rb) + k * weight * (1 - scoreA - expectedB));
  }

  const models = [...ratings.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  // fromEntries defines own properties, so even a model called "__proto__" is kept.
  const result = Object.fromEntries(models.map((model) => [model, ratings.get(model) ?? initial]));
  return { models, ratings: result };
}
