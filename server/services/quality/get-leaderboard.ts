import type { Db } from "@/db/client";
import { computeLeaderboard, type Leaderboard } from "@/server/stats";
import { campaignBattles } from "./campaign-battles";
import { countedJudgements, loadQualityData } from "./load-quality-data";

export const LEADERBOARD_DEFAULTS = { rounds: 100, seed: 1, confidence: 0.95 } as const;

export interface LeaderboardReport extends Leaderboard {
  method: {
    rating: "bradley-terry";
    base: 10;
    scale: 400;
    initial: 1000;
    ties: "half a win";
    rounds: number;
    seed: number;
    confidence: number;
    elo_k: 4;
    kwise_weight: "1/C(K,2)";
  };
}

/** DESIGN §9 model leaderboard from the campaign's counted judgements (no probes, no excluded annotators). */
export async function getLeaderboard(
  db: Db,
  params: { campaignId: string; rounds?: number; seed?: number },
): Promise<LeaderboardReport> {
  const rounds = params.rounds ?? LEADERBOARD_DEFAULTS.rounds;
  const seed = params.seed ?? LEADERBOARD_DEFAULTS.seed;
  const data = await loadQualityData(db, { campaignId: params.campaignId });
  const battles = campaignBattles(data, countedJudgements(data));
  const board = computeLeaderboard(battles, {
    rounds,
    seed,
    confidence: LEADERBOARD_DEFAULTS.confidence,
  });
  return {
    ...board,
    method: {
      rating: "bradley-terry",
      base: 10,
      scale: 400,
      initial: 1000,
      ties: "half a win",
      rounds,
      seed,
      confidence: LEADERBOARD_DEFAULTS.confidence,
      elo_k: 4,
      kwise_weight: "1/C(K,2)",
    },
  };
}
