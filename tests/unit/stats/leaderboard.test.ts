import { describe, expect, it } from "vitest";
import { computeLeaderboard, type Battle } from "@/server/stats";
import { expectClose, REFERENCE_BATTLES, syntheticBattles } from "./fixtures";

describe("computeLeaderboard", () => {
  it("reports the reference Bradley–Terry and Elo ratings, best first, with counts", () => {
    const board = computeLeaderboard(REFERENCE_BATTLES, { seed: 7 });
    expect(board.models.map((m) => m.model)).toEqual(["A", "B", "C"]);
    const [a, b, c] = board.models;
    expectClose(a?.rating, 1129.192);
    expectClose(b?.rating, 980.573);
    expectClose(c?.rating, 890.234);
    expect(board.elo.map((e) => e.model)).toEqual(["A", "B", "C"]);
    expectClose(board.elo[0]?.rating, 1017.7544);
    expectClose(board.elo[2]?.rating, 985.6642);
    // A: vs B 6 wins, 2 losses, 2 ties; vs C 7 wins, 1 loss, 2 ties.
    expect(a).toMatchObject({ battles: 20, wins: 13, losses: 3, ties: 4, winRate: 13 / 20 });
    expect(board.battles).toBe(28);
    expect(board.winMatrix.A?.B).toBeCloseTo(6 / 8, 12);
    expect(board.winMatrix.C?.A).toBeCloseTo(1 / 8, 12);
    for (const m of board.models) {
      expect(m.ci[0]).toBeLessThanOrEqual(m.rating + 1e-9);
      expect(m.ci[1]).toBeGreaterThanOrEqual(m.rating - 1e-9);
    }
  });

  it("gives identical intervals for the same seed and different ones for another", () => {
    const { battles } = syntheticBattles(2_000, 5, 3, 80);
    const x = computeLeaderboard(battles, { seed: 1, rounds: 50 });
    const y = computeLeaderboard(battles, { seed: 1, rounds: 50 });
    const z = computeLeaderboard(battles, { seed: 2, rounds: 50 });
    expect(y.models.map((m) => m.ci)).toEqual(x.models.map((m) => m.ci));
    expect(z.models.map((m) => m.ci)).not.toEqual(x.models.map((m) => m.ci));
  });

  it("counts a K-wise ranking's pairs at weight 1/C(K,2): the fit equals the unweighted one", () => {
    // Bradley–Terry is invariant to scaling every count, so uniformly weighted battles give the
    // same ratings; Elo with weight w behaves as Elo with K·w.
    const weighted: Battle[] = REFERENCE_BATTLES.map((b) => ({ ...b, weight: 1 / 3 }));
    const board = computeLeaderboard(weighted, { seed: 7 });
    expectClose(board.models[0]?.rating, 1129.192);
    expect(board.models[0]?.battles).toBeCloseTo(20 / 3, 12);
    expect(board.battles).toBeCloseTo(28 / 3, 12);
    for (const m of board.models) expect(m.ci[1]).toBeGreaterThan(m.ci[0]);
    expect(board.elo[0]?.rating).toBeLessThan(1017.7544);
  });

  it("is empty for no battles", () => {
    expect(computeLeaderboard([], { seed: 1 })).toMatchObject({ models: [], elo: [], battles: 0 });
  });
});
