import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry, fitBradleyTerry } from "@/server/stats";
import { REFERENCE_BATTLES, syntheticBattles } from "./fixtures";

describe("bootstrap intervals for Bradley–Terry", () => {
  it("is identical for the same seed and differs for another", () => {
    const { battles } = syntheticBattles(2_000, 5, 9, 50);
    const first = bootstrapBradleyTerry(battles, { seed: 42, rounds: 30 });
    const again = bootstrapBradleyTerry(battles, { seed: 42, rounds: 30 });
    const other = bootstrapBradleyTerry(battles, { seed: 43, rounds: 30 });
    expect(again.samples).toEqual(first.samples);
    expect(again.intervals).toEqual(first.intervals);
    expect(other.samples).not.toEqual(first.samples);
    expect(other.intervals).not.toEqual(first.intervals);
  });

  it("reports the full-data fit and an ordered interval around it for every model", () => {
    const r = bootstrapBradleyTerry(REFERENCE_BATTLES, { seed: 1, rounds: 200 });
    expect(r.samples).toHaveLength(200);
    expect(r.point.ratings).toEqual(fitBradleyTerry(REFERENCE_BATTLES).ratings);
    for (const model of ["A", "B", "C"]) {
      const interval = r.intervals[model];
      expect(interval).toBeDefined();
      if (!interval) continue;
      expect(interval.rating).toBe(r.point.ratings[model]);
      expect(interval.lower).toBeLessThan(interval.median);
      expect(interval.median).toBeLessThan(interval.upper);
      expect(interval.lower).toBeLessThan(interval.rating);
      expect(interval.rating).toBeLessThan(interval.upper);
    }
  });

  it("keeps every round's ratings centred on 1000", () => {
    const { battles } = syntheticBattles(1_000, 4, 2, 50);
    for (const round of bootstrapBradleyTerry(battles, { seed: 7, rounds: 20 }).samples) {
      expect(round.reduce((s, x) => s + x, 0) / round.length).toBeCloseTo(1000, 9);
    }
  });

  it("narrows as battles accumulate", () => {
    const width = (count: number) => {
      const { battles, names } = syntheticBattles(count, 4, 8, 50);
      const interval = bootstrapBradleyTerry(battles, { seed: 3, rounds: 100 }).intervals[
        names[0] ?? ""
      ];
      return (interval?.upper ?? 0) - (interval?.lower ?? 0);
    };
    expect(width(20_000)).toBeLessThan(width(500) / 3);
  });

  it("validates its options", () => {
    expect(() => bootstrapBradleyTerry(REFERENCE_BATTLES, { seed: 1, rounds: 0 })).toThrow(
      RangeError,
    );
    expect(() => bootstrapBradleyTerry(REFERENCE_BATTLES, { seed: 1, confidence: 1 })).toThrow(
      RangeError,
    );
  });

  it("runs Bradley–Terry plus 100 rounds on 100,000 battles over 20 models (P5 workload)", () => {
    const { names, battles, trueRatings } = syntheticBattles(100_000, 20, 2024, 15);
    const r = bootstrapBradleyTerry(battles, { seed: 99, rounds: 100 });
    expect(r.models).toEqual(names);
    expect(r.samples).toHaveLength(100);
    expect(r.point.converged).toBe(true);
    expect(r.roundsWithoutFiniteOptimum).toBe(0);
    // With ~10,000 battles per model the truth sits well inside a generous band.
    names.forEach((name, i) => {
      const interval = r.intervals[name];
      expect(Math.abs((interval?.median ?? 0) - (trueRatings[i] ?? 0))).toBeLessThan(15);
      expect((interval?.upper ?? 0) - (interval?.lower ?? 0)).toBeLessThan(40);
    });
  });
});
