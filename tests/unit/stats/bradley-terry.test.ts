import { describe, expect, it } from "vitest";
import {
  fitBradleyTerry,
  onlineElo,
  tabulateBattles,
  winProbability,
  type Battle,
} from "@/server/stats";
import { expectClose, REFERENCE_BATTLES, syntheticBattles } from "./fixtures";

function mean(values: number[]): number {
  return values.reduce((s, x) => s + x, 0) / values.length;
}

describe("Bradley–Terry as LMSYS computes it", () => {
  it("matches the reference ratings A 1129.192, B 980.573, C 890.234 and P(A beats B) = 0.7017", () => {
    const r = fitBradleyTerry(REFERENCE_BATTLES);
    expect(r.models).toEqual(["A", "B", "C"]);
    expectClose(r.ratings.A, 1129.192);
    expectClose(r.ratings.B, 980.573);
    expectClose(r.ratings.C, 890.234);
    expectClose(winProbability(r.ratings.A ?? 0, r.ratings.B ?? 0), 0.7017);
    expect(r.converged).toBe(true);
    expect(r.mleExists).toBe(true);
  });

  it("puts the mean rating exactly at 1000", () => {
    const { battles } = syntheticBattles(5_000, 7, 11, 60);
    for (const input of [REFERENCE_BATTLES, battles]) {
      expect(mean(Object.values(fitBradleyTerry(input).ratings))).toBeCloseTo(1000, 9);
    }
  });

  it("solves the likelihood equations: every model's expected wins equal its actual (half-tie) wins", () => {
    const { battles } = syntheticBattles(3_000, 6, 5, 80);
    const r = fitBradleyTerry(battles);
    const table = tabulateBattles(battles);
    const m = table.models.length;
    table.models.forEach((model, i) => {
      let actual = 0;
      let expected = 0;
      table.models.forEach((other, j) => {
        if (i === j) return;
        const wij = table.wins[i * m + j] ?? 0;
        const wji = table.wins[j * m + i] ?? 0;
        actual += wij;
        expected += (wij + wji) * winProbability(r.ratings[model] ?? 0, r.ratings[other] ?? 0);
      });
      expect(Math.abs(actual - expected)).toBeLessThan(1e-7);
    });
  });

  it("gives equal ratings to models with symmetric records", () => {
    const cycle: Battle[] = [
      { modelA: "rock", modelB: "scissors", winner: "a" },
      { modelA: "scissors", modelB: "paper", winner: "a" },
      { modelA: "paper", modelB: "rock", winner: "a" },
      { modelA: "rock", modelB: "paper", winner: "tie" },
    ];
    for (const rating of Object.values(fitBradleyTerry(cycle).ratings))
      expect(rating).toBeCloseTo(1000, 9);
  });

  it("counts a tie as half a win for each side", () => {
    const ties: Battle[] = [
      { modelA: "x", modelB: "y", winner: "tie" },
      { modelA: "x", modelB: "y", winner: "tie" },
      { modelA: "x", modelB: "y", winner: "a" },
    ];
    const split: Battle[] = [
      { modelA: "x", modelB: "y", winner: "a" },
      { modelA: "y", modelB: "x", winner: "a" },
      { modelA: "x", modelB: "y", winner: "a" },
    ];
    expect(fitBradleyTerry(ties).ratings.x).toBeCloseTo(fitBradleyTerry(split).ratings.x ?? 0, 9);
    // 2 wins of 3: P = 2/3, so the gap is 400·log10(2).
    const r = fitBradleyTerry(ties);
    expect((r.ratings.x ?? 0) - (r.ratings.y ?? 0)).toBeCloseTo(400 * Math.log10(2), 9);
  });

  it("does not depend on battle order or on which side a model was shown", () => {
    const flipped: Battle[] = REFERENCE_BATTLES.map((b): Battle => ({
      modelA: b.modelB,
      modelB: b.modelA,
      winner: b.winner === "a" ? "b" : b.winner === "b" ? "a" : "tie",
    })).reverse();
    const a = fitBradleyTerry(REFERENCE_BATTLES).ratings;
    const b = fitBradleyTerry(flipped).ratings;
    for (const model of ["A", "B", "C"]) expect(b[model]).toBeCloseTo(a[model] ?? 0, 9);
  });

  it("recovers known ratings from synthetic battles", () => {
    const { names, battles, trueRatings } = syntheticBattles(40_000, 8, 3, 40);
    const r = fitBradleyTerry(battles);
    names.forEach((name, i) =>
      expect(Math.abs((r.ratings[name] ?? 0) - (trueRatings[i] ?? 0))).toBeLessThan(15),
    );
  });

  it("flags a model that never lost: the optimum is infinite, the stand-in finite and ordered", () => {
    const r = fitBradleyTerry([
      { modelA: "champ", modelB: "rest", winner: "a" },
      { modelA: "rest", modelB: "champ", winner: "b" },
      { modelA: "rest", modelB: "other", winner: "a" },
      { modelA: "other", modelB: "rest", winner: "a" },
    ]);
    expect(r.mleExists).toBe(false);
    expect(r.converged).toBe(true);
    for (const rating of Object.values(r.ratings)) expect(Number.isFinite(rating)).toBe(true);
    expect(r.ratings.champ ?? 0).toBeGreaterThan(r.ratings.rest ?? 0);
    expect(mean(Object.values(r.ratings))).toBeCloseTo(1000, 9);
  });

  it("reports disconnected groups and centres each on 1000", () => {
    const r = fitBradleyTerry([
      { modelA: "a", modelB: "b", winner: "a" },
      { modelA: "a", modelB: "b", winner: "b" },
      { modelA: "a", modelB: "b", winner: "a" },
      { modelA: "c", modelB: "d", winner: "b" },
      { modelA: "c", modelB: "d", winner: "a" },
    ]);
    expect(r.components).toBe(2);
    expect(((r.ratings.a ?? 0) + (r.ratings.b ?? 0)) / 2).toBeCloseTo(1000, 9);
    expect(r.ratings.c).toBeCloseTo(1000, 9);
  });

  it("keeps models whose names collide with Object.prototype", () => {
    const battles: Battle[] = [
      { modelA: "__proto__", modelB: "constructor", winner: "a" },
      { modelA: "__proto__", modelB: "constructor", winner: "b" },
      { modelA: "__proto__", modelB: "constructor", winner: "a" },
    ];
    const r = fitBradleyTerry(battles);
    expect(Object.keys(r.ratings).sort()).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(r.ratings, "__proto__")?.value).toBeGreaterThan(1000);
    expect(Object.keys(onlineElo(battles).ratings).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("rejects an unknown verdict", () => {
    expect(() =>
      fitBradleyTerry([{ modelA: "a", modelB: "b", winner: "bothbad" as "tie" }]),
    ).toThrow(RangeError);
  });

  it("handles no battles", () => {
    expect(fitBradleyTerry([])).toMatchObject({ models: [], ratings: {}, converged: true });
  });
});

describe("winProbability", () => {
  it("is 1/2 for equal ratings, 10/11 for a 400-point lead, and complementary", () => {
    expect(winProbability(1000, 1000)).toBe(0.5);
    expect(winProbability(1400, 1000)).toBeCloseTo(10 / 11, 12);
    expect(winProbability(1234, 987) + winProbability(987, 1234)).toBeCloseTo(1, 12);
  });
});

describe("online Elo", () => {
  it("matches the reference A 1017.7544, B 996.5814, C 985.6642", () => {
    const r = onlineElo(REFERENCE_BATTLES);
    expectClose(r.ratings.A, 1017.7544, 5e-5);
    expectClose(r.ratings.B, 996.5814, 5e-5);
    expectClose(r.ratings.C, 985.6642, 5e-5);
  });

  it("is zero-sum and depends on battle order", () => {
    const forward = onlineElo(REFERENCE_BATTLES).ratings;
    const backward = onlineElo([...REFERENCE_BATTLES].reverse()).ratings;
    expect(Object.values(forward).reduce((s, x) => s + x, 0)).toBeCloseTo(3000, 9);
    expect(Math.abs((forward.A ?? 0) - (backward.A ?? 0))).toBeGreaterThan(0.01);
  });

  it("rejects an unknown verdict instead of scoring it as a tie", () => {
    expect(() => onlineElo([{ modelA: "a", modelB: "b", winner: "both" as "tie" }])).toThrow(
      RangeError,
    );
  });
});
