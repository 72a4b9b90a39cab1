/**
 * The published vectors from shared/reference/stats-vectors.md, typed once so each
 * test file asserts against the same data, plus a synthetic battle generator.
 */
import { expect } from "vitest";
import { mulberry32, type Battle, type BattleWinner } from "@/server/stats";

/** |actual − expected| ≤ tolerance, with a readable failure message. */
export function expectClose(actual: number | undefined, expected: number, tolerance = 1e-3): void {
  expect(actual, `expected ${String(actual)} within ${tolerance} of ${expected}`).toBeTypeOf(
    "number",
  );
  expect(
    Math.abs((actual ?? Number.NaN) - expected),
    `${String(actual)} vs ${expected}`,
  ).toBeLessThanOrEqual(tolerance);
}

const _ = null;
/** Krippendorff (2011): 4 observers × 12 units, null = missing. */
export const KRIPPENDORFF_2011: Array<Array<number | null>> = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

export const FLEISS_COUNTS = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

function repeat(modelA: string, modelB: string, winner: BattleWinner, times: number): Battle[] {
  return Array.from({ length: times }, () => ({ modelA, modelB, winner }));
}

/** The LMSYS-constant fixture, in the listed order (order matters for Elo). "Both bad" is a tie. */
export const REFERENCE_BATTLES: Battle[] = [
  ...repeat("A", "B", "a", 6),
  ...repeat("A", "B", "b", 2),
  ...repeat("A", "B", "tie", 2),
  ...repeat("B", "C", "a", 5),
  ...repeat("B", "C", "b", 3),
  ...repeat("A", "C", "a", 7),
  ...repeat("A", "C", "b", 1),
  ...repeat("A", "C", "tie", 2),
];

/** crowd-kit's Dawid–Skene fixture. */
export const DS_ANSWERS: Record<string, Record<string, "yes" | "no">> = {
  t1: { w1: "no", w2: "yes", w4: "yes", w5: "no" },
  t2: { w1: "yes", w2: "yes", w3: "yes", w4: "no", w5: "no" },
  t3: { w1: "yes", w2: "no", w3: "no", w4: "yes", w5: "no" },
  t4: { w1: "yes", w2: "yes", w3: "yes", w4: "yes", w5: "yes" },
  t5: { w1: "yes", w2: "no", w3: "no", w4: "no", w5: "no" },
};
export const DS_ANNOTATIONS = Object.entries(DS_ANSWERS).flatMap(([task, byWorker]) =>
  Object.entries(byWorker).map(([worker, label]) => ({ task, worker, label })),
);

export function ballots<T>(ballot: T, times: number): T[] {
  return Array.from({ length: times }, () => ballot);
}

/**
 * Synthetic arena: `models` models with true ratings spread evenly from 800 upwards
 * in steps of `spread`, uniformly random pairs, 10% ties, and decisive outcomes drawn
 * so that A's expected score (a tie scoring ½) equals the Bradley–Terry probability —
 * otherwise the ties would pull the fitted gaps ~10% towards zero.
 */
export function syntheticBattles(count: number, models: number, seed: number, spread = 20) {
  const random = mulberry32(seed);
  const names = Array.from({ length: models }, (_, i) => `model-${String(i).padStart(2, "0")}`);
  const trueRatings = names.map((_, i) => 800 + spread * i);
  const battles: Battle[] = [];
  for (let n = 0; n < count; n++) {
    const a = Math.floor(random() * models);
    let b = Math.floor(random() * (models - 1));
    if (b >= a) b++;
    const pA = 1 / (1 + 10 ** (((trueRatings[b] ?? 0) - (trueRatings[a] ?? 0)) / 400));
    const u = random();
    const decisiveA = Math.min(Math.max((pA - 0.05) / 0.9, 0), 1);
    const winner: BattleWinner = u < 0.1 ? "tie" : u < 0.1 + 0.9 * decisiveA ? "a" : "b";
    battles.push({ modelA: names[a] ?? "", modelB: names[b] ?? "", winner });
  }
  const meanTrue = trueRatings.reduce((s, r) => s + r, 0) / models;
  // Shift so the truth is on the same mean-1000 scale as the fit.
  return { names, battles, trueRatings: trueRatings.map((r) => r - meanTrue + 1000) };
}
