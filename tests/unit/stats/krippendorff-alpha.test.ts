import { describe, expect, it } from "vitest";
import {
  coincidenceMatrix,
  krippendorffAlpha,
  krippendorffAlphaFromUnits,
  unitsFromReliabilityMatrix,
  type AlphaMetric,
} from "@/server/stats";
import { expectClose, KRIPPENDORFF_2011 } from "./fixtures";

const METRICS: AlphaMetric[] = ["nominal", "ordinal", "interval", "ratio"];

describe("Krippendorff's alpha on Krippendorff (2011)", () => {
  it.each([
    ["nominal", 0.743, 0.743421],
    ["ordinal", 0.815, 0.815388],
    ["interval", 0.849, 0.849107],
    ["ratio", 0.797, 0.797403],
  ] as const)("%s alpha is %s (%s)", (metric, rounded, precise) => {
    const alpha = krippendorffAlpha(KRIPPENDORFF_2011, { metric });
    expectClose(alpha, rounded);
    expectClose(alpha, precise, 5e-7);
  });

  it("builds the published coincidence matrix over values 1..5 with n = 40", () => {
    const c = coincidenceMatrix(KRIPPENDORFF_2011);
    expect(c.values).toEqual([1, 2, 3, 4, 5]);
    expectClose(c.n, 40, 1e-9);
    const third = 1 / 3;
    const published = [
      [7, 1 + third, third, third, 0],
      [1 + third, 10, 1 + third, third, 0],
      [third, 1 + third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    published.forEach((row, c1) =>
      row.forEach((v, c2) => expectClose(c.matrix[c1]?.[c2], v, 1e-4)),
    );
    // Unit 12 holds a single value and cannot be paired.
    expect(c.pairableUnits).toBe(11);
  });

  it("ignores units with fewer than two values", () => {
    const withLonelyUnits = KRIPPENDORFF_2011.map((row, o) => [
      ...row,
      o === 0 ? 1 : null,
      o === 2 ? 5 : null,
    ]);
    for (const metric of METRICS) {
      expect(krippendorffAlpha(withLonelyUnits, { metric })).toBeCloseTo(
        krippendorffAlpha(KRIPPENDORFF_2011, { metric }),
        12,
      );
    }
  });

  it("gives the same alpha from per-unit value lists and treats NaN/undefined as missing", () => {
    const units = unitsFromReliabilityMatrix(KRIPPENDORFF_2011).map((unit) =>
      unit.map((v, i) => (v === null ? (i % 2 ? Number.NaN : undefined) : v)),
    );
    for (const metric of METRICS) {
      expect(krippendorffAlphaFromUnits(units, { metric })).toBeCloseTo(
        krippendorffAlpha(KRIPPENDORFF_2011, { metric }),
        12,
      );
    }
  });

  it("is exactly 1 under perfect agreement, for every metric", () => {
    const perfect = [
      [1, 2, 3, null, 5],
      [1, 2, 3, 4, 5],
      [1, null, 3, 4, 5],
    ];
    for (const metric of METRICS) expect(krippendorffAlpha(perfect, { metric })).toBe(1);
  });

  it("is undefined (NaN) when every value is the same", () => {
    expect(
      krippendorffAlpha([
        [2, 2, 2],
        [2, 2, 2],
      ]),
    ).toBeNaN();
  });

  it("accepts string categories for nominal data, matching the numeric coding", () => {
    const names = ["", "one", "two", "three", "four", "five"];
    const asStrings = KRIPPENDORFF_2011.map((row) =>
      row.map((v) => (v === null ? null : (names[v] ?? null))),
    );
    expectClose(krippendorffAlpha(asStrings), 0.743421, 5e-7);
  });

  it("orders string categories by valueDomain for the ordinal metric", () => {
    const names = ["", "awful", "poor", "fair", "good", "great"];
    const asStrings = KRIPPENDORFF_2011.map((row) =>
      row.map((v) => (v === null ? null : (names[v] ?? null))),
    );
    const alpha = krippendorffAlpha(asStrings, { metric: "ordinal", valueDomain: names.slice(1) });
    expectClose(alpha, 0.815388, 5e-7);
  });

  it("ordinal alpha depends only on the order of values, interval alpha on their spacing", () => {
    const stretched = KRIPPENDORFF_2011.map((row) =>
      row.map((v) => (v === null ? null : ([0, 10, 20, 35, 80, 81][v] ?? null))),
    );
    expect(krippendorffAlpha(stretched, { metric: "ordinal" })).toBeCloseTo(0.815388, 6);
    expect(
      Math.abs(krippendorffAlpha(stretched, { metric: "interval" }) - 0.849107),
    ).toBeGreaterThan(0.01);
  });

  it("rejects string values for interval and ratio metrics", () => {
    expect(() =>
      krippendorffAlpha(
        [
          ["a", "b"],
          ["a", "a"],
        ],
        { metric: "interval" },
      ),
    ).toThrow(TypeError);
    expect(() =>
      krippendorffAlpha(
        [
          ["a", "b"],
          ["a", "a"],
        ],
        { metric: "ratio" },
      ),
    ).toThrow(TypeError);
  });

  it("produces a symmetric coincidence matrix whose margins count the pairable values", () => {
    const c = coincidenceMatrix(KRIPPENDORFF_2011);
    c.matrix.forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(c.matrix[j]?.[i] ?? Number.NaN, 12)),
    );
    const pairable = unitsFromReliabilityMatrix(KRIPPENDORFF_2011)
      .map((unit) => unit.filter((v) => v !== null))
      .filter((unit) => unit.length >= 2);
    for (const [i, value] of c.values.entries()) {
      const count = pairable.flat().filter((v) => v === value).length;
      expect(c.totals[i]).toBeCloseTo(count, 12);
    }
  });
});
