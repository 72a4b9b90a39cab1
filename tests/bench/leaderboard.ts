import { computeLeaderboard, mulberry32, type Battle, type BattleWinner } from "@/server/stats";
import { median, round, sized, verdict, type Benchmark, type Figures } from "./types";

const MODELS = 20;
const BATTLES = 100_000;
const ROUNDS = 100;
const WARM_RUNS = 5;
const BUDGET_SECONDS = 0.2;

/**
 * What the leaderboard route computes for one campaign (server/stats computeLeaderboard, which
 * the quality service calls): the Bradley–Terry fit, 100 seeded bootstrap rounds for its
 * intervals, counts, online Elo and the win-rate matrix.
 */
export function timeLeaderboard(battles: ReadonlyArray<Battle>): number {
  const started = performance.now();
  const board = computeLeaderboard(battles, { seed: 12, rounds: ROUNDS });
  const seconds = (performance.now() - started) / 1000;
  if (board.models.length !== MODELS) throw new Error("the leaderboard lost models");
  return seconds;
}

/**
 * DESIGN §12 P5: Bradley–Terry + 100 bootstrap rounds on 100,000 battles over 20 models. The
 * figure is the median of 5 warm runs; the first (cold) call is reported beside it. No
 * database: the battles are generated from fixed strengths with a seeded source.
 */
export const leaderboard: Benchmark = {
  id: "P5",
  title: `leaderboard: Bradley–Terry + ${ROUNDS} bootstrap rounds, ${MODELS} models, ${BATTLES.toLocaleString("en")} battles (budget ≤ ${BUDGET_SECONDS} s)`,
  async run(ctx): Promise<Figures> {
    const battles = syntheticBattles(sized(ctx, BATTLES, 10_000));
    const cold = timeLeaderboard(battles);
    const warm = Array.from({ length: WARM_RUNS }, () => timeLeaderboard(battles));
    const seconds = median(warm);
    ctx.log(`cold ${round(cold, 3)} s, warm ${warm.map((s) => round(s, 3)).join(", ")} s`);
    return {
      models: MODELS,
      battles: battles.length,
      rounds: ROUNDS,
      seconds: round(seconds, 3),
      cold_seconds: round(cold, 3),
      budget: verdict(seconds <= BUDGET_SECONDS),
    };
  },
};

/** Battles between random pairs of 20 models of spread-out strength, about 10% ties. */
function syntheticBattles(count: number): Battle[] {
  const random = mulberry32(7);
  const models = Array.from({ length: MODELS }, (_, i) => `model-${String(i).padStart(2, "0")}`);
  const strength = models.map((_, i) => (i - MODELS / 2) * 0.15);
  const battles: Battle[] = [];
  for (let n = 0; n < count; n++) {
    const a = Math.floor(random() * MODELS);
    const b = (a + 1 + Math.floor(random() * (MODELS - 1))) % MODELS;
    const pA = 1 / (1 + Math.exp((strength[b] ?? 0) - (strength[a] ?? 0)));
    const roll = random();
    const winner: BattleWinner = roll < 0.1 ? "tie" : roll < 0.1 + 0.9 * pA ? "a" : "b";
    battles.push({ modelA: models[a] ?? "", modelB: models[b] ?? "", winner });
  }
  return battles;
}
