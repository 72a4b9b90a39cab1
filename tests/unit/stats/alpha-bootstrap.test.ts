import { describe, expect, it } from "vitest";
import { bootstrapAlpha, unitsFromReliabilityMatrix } from "@/server/stats";
import { expectClose, KRIPPENDORFF_2011 } from "./fixtures";

const units = unitsFromReliabilityMatrix(KRIPPENDORFF_2011);

describe("bootstrapAlpha", () => {
  it("reports Krippendorff's (2011) α at every level with the pairable counts", () => {
    expectClose(bootstrapAlpha(units, { metric: "nominal", seed: 1 }).alpha, 0.743);
    expectClose(bootstrapAlpha(units, { metric: "ordinal", seed: 1 }).alpha, 0.815);
    const interval = bootstrapAlpha(units, { metric: "interval", seed: 1 });
    expectClose(interval.alpha, 0.849);
    expect(interval.pairableUnits).toBe(11);
    expect(interval.values).toBe(40);
  });

  it("gives a seeded interval that brackets α and repeats for the same seed", () => {
    const x = bootstrapAlpha(units, { metric: "interval", seed: 5, rounds: 300 });
    const y = bootstrapAlpha(units, { metric: "interval", seed: 5, rounds: 300 });
    expect(y.ci).toEqual(x.ci);
    expect(x.ci[0]).toBeLessThan(x.alpha);
    expect(x.ci[1]).toBeGreaterThan(x.alpha - 0.05);
    expect(x.ci[1]).toBeLessThanOrEqual(1);
  });

  it("has no interval when α is undefined", () => {
    const r = bootstrapAlpha(
      [
        [1, 1],
        [1, 1],
      ],
      { metric: "nominal", seed: 1 },
    );
    expect(r.alpha).toBeNaN();
    expect(r.ci.every(Number.isNaN)).toBe(true);
  });
});
