import { describe, expect, it } from "vitest";
import { mulberry32, quantile, sampleBinomial, sampleMultinomial } from "@/server/stats";

describe("seeded randomness", () => {
  it("repeats a sequence for a seed and changes it for another", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws binomials with the right mean and variance in both regimes", () => {
    const random = mulberry32(5);
    for (const [n, p] of [
      [40, 0.1],
      [10_000, 0.3],
      [1_000, 0.9],
    ] as const) {
      const draws = Array.from({ length: 4_000 }, () => sampleBinomial(random, n, p));
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws.length));
      expect(variance / (sd * sd)).toBeGreaterThan(0.9);
      expect(variance / (sd * sd)).toBeLessThan(1.1);
      for (const x of draws) expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
    }
  });

  it("draws multinomials that sum to n and leave empty cells empty", () => {
    const random = mulberry32(8);
    const out = sampleMultinomial(random, 1_000, [5, 0, 3, 2, 0]);
    expect(out.reduce((s, x) => s + x, 0)).toBe(1_000);
    expect(out[1]).toBe(0);
    expect(out[4]).toBe(0);
  });

  it("computes type-7 quantiles and skips NaN", () => {
    expect(quantile([4, 1, Number.NaN, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
