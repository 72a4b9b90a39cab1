/**
 * A model leaderboard from battles, everything DESIGN §9 reports in one call: Bradley–Terry
 * ratings with seeded bootstrap intervals, battle counts and win rates, online Elo for
 * comparison, and the pairwise win-rate matrix. This is the whole computation behind the
 * leaderboard route, so timing it times what the service runs (P5).
 */

import { encodeBattles, weighCells, type Battle } from "./battles";
import { bootstrapEncoded } from "./bootstrap";
import { onlineElo } from "./elo";

export interface LeaderboardOptions {
  seed: number;
  /** Bootstrap rounds; 100 by default, as LMSYS previews its leaderboard. */
  rounds?: number;
  confidence?: number;
}

export interface LeaderboardEntry {
  model: string;
  /** Bradley–Terry rating on all battles (LMSYS constants, mean 1000). */
  rating: number;
  /** Bootstrap median and central interval. */
  median: number;
  ci: [number, number];
  /** Weighted counts: a pair from a K-wise ranking counts 1/C(K,2). */
  battles: number;
  wins: number;
  losses: number;
  ties: number;
  /** wins / battles; a tie is not a win. */
  winRate: number;
}

export interface Leaderboard {
  /** Best first. */
  models: LeaderboardEntry[];
  /** Online Elo (K = 4) in battle order, best first. */
  elo: { model: string; rating: number }[];
  /**
   * winMatrix[a][b]: share of the decisive battles between a and b that a won (ties left
   * out, as LMSYS draws its matrix); null when the two never had a decisive battle.
   */
  winMatrix: Record<string, Record<string, number | null>>;
  /** Weighted number of battles. */
  battles: number;
  /** False when some group of models never lost: ratings are then lower bounds on the gap. */
  finiteOptimum: boolean;
  roundsWithoutFiniteOptimum: number;
}

export function computeLeaderboard(
  battles: ReadonlyArray<Battle>,
  options: LeaderboardOptions,
): Leaderboard {
  const encoded = encodeBattles(battles);
  const { models } = encoded;
  const m = models.length;
  if (m === 0) {
    return {
      models: [],
      elo: [],
      winMatrix: {},
      battles: 0,
      finiteOptimum: true,
      roundsWithoutFiniteOptimum: 0,
    };
  }
  const sums = weighCells(encoded.cells, encoded.weights, m);
  const boot = bootstrapEncoded(encoded, {
    seed: options.seed,
    rounds: options.rounds ?? 100,
    confidence: options.confidence ?? 0.95,
  });

  const mm = m * m;
  const won = (i: number, j: number) => sums[i * m + j] ?? 0;
  const tied = (i: number, j: number) => sums[mm + Math.min(i, j) * m + Math.max(i, j)] ?? 0;
  let total = 0;
  const entries: LeaderboardEntry[] = models.map((model, i) => {
    let wins = 0;
    let losses = 0;
    let ties = 0;
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      wins += won(i, j);
      losses += won(j, i);
      if (j > i) ties += tied(i, j);
      else ties += tied(j, i);
    }
    const played = wins + losses + ties;
    total += wins + ties / 2;
    const interval = boot.intervals[model];
    return {
      model,
      rating: interval?.rating ?? Number.NaN,
      median: interval?.median ?? Number.NaN,
      ci: [interval?.lower ?? Number.NaN, interval?.upper ?? Number.NaN],
      battles: played,
      wins,
      losses,
      ties,
      winRate: played === 0 ? 0 : wins / played,
    };
  });

  const winMatrix: Record<string, Record<string, number | null>> = {};
  models.forEach((a, i) => {
    const row: Record<string, number | null> = {};
    models.forEach((b, j) => {
      if (i === j) return;
      const decisive = won(i, j) + won(j, i);
      row[b] = decisive === 0 ? null : won(i, j) / decisive;
    });
    winMatrix[a] = row;
  });

  const elo = onlineElo(battles);
  return {
    models: entries.sort((x, y) => y.rating - x.rating),
    elo: elo.models
      .map((model) => ({ model, rating: elo.ratings[model] ?? Number.NaN }))
      .sort((x, y) => y.rating - x.rating),
    winMatrix,
    battles: total,
    finiteOptimum: boot.point.mleExists,
    roundsWithoutFiniteOptimum: boot.roundsWithoutFiniteOptimum,
  };
}
