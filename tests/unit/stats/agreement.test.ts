import { describe, expect, it } from "vitest";
import {
  cohenKappa,
  cohenKappaFromLabels,
  confusionTable,
  fleissKappa,
  percentAgreement,
} from "@/server/stats";
import { expectClose, FLEISS_COUNTS } from "./fixtures";

/** Turns a subjects × categories count table into one label list per subject. */
function expand(counts: number[][]): number[][] {
  return counts.map((row) =>
    row.flatMap((c, category) => Array.from({ length: c }, () => category)),
  );
}

describe("Fleiss' kappa", () => {
  it("matches the published 10 × 5 example with 14 raters", () => {
    const r = fleissKappa(FLEISS_COUNTS);
    expectClose(r.kappa, 0.209931, 5e-7);
    expectClose(r.meanAgreement, 0.378022, 5e-7);
    expectClose(r.expectedAgreement, 0.212755, 5e-7);
  });

  it("is 1 when every subject is unanimous and categories vary", () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]).kappa,
    ).toBe(1);
  });

  it("is NaN when everyone always used one category", () => {
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]).kappa,
    ).toBeNaN();
  });

  it("rejects subjects with fewer than two ratings and ragged rows", () => {
    expect(() =>
      fleissKappa([
        [1, 0],
        [2, 0],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fleissKappa([
        [1, 1],
        [2, 0, 0],
      ]),
    ).toThrow(RangeError);
  });
});

describe("Cohen's kappa", () => {
  it("gives κ = 0.4842 unweighted and 0.4701 linear-weighted on the 3 × 3 table", () => {
    const table = [
      [0, 4, 1],
      [0, 8, 0],
      [0, 1, 5],
    ];
    expectClose(cohenKappa(table).kappa, 0.4842, 5e-5);
    expectClose(cohenKappa(table, { weights: "linear" }).kappa, 0.4701, 5e-5);
  });

  it("gives p_o 0.70, p_e 0.50, κ 0.40 on the 2 × 2 table", () => {
    const r = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    expectClose(r.observedAgreement, 0.7, 1e-12);
    expectClose(r.expectedAgreement, 0.5, 1e-12);
    expectClose(r.kappa, 0.4, 1e-12);
  });

  it("rebuilds the 2 × 2 table from label arrays, skipping unlabelled items", () => {
    const rater1 = [
      ...Array<string>(25).fill("good"),
      ...Array<string>(25).fill("bad"),
      "good",
      null,
    ];
    const rater2 = [
      ...Array<string>(20).fill("good"),
      ...Array<string>(5).fill("bad"),
      ...Array<string>(10).fill("good"),
      ...Array<string>(15).fill("bad"),
      undefined,
      "bad",
    ];
    const t = confusionTable(rater1, rater2, ["good", "bad"]);
    expect(t.table).toEqual([
      [20, 5],
      [10, 15],
    ]);
    expectClose(cohenKappaFromLabels(rater1, rater2).kappa, 0.4, 1e-12);
  });

  it("is symmetric in the two raters and 1 on perfect agreement", () => {
    const table = [
      [3, 1, 0],
      [2, 5, 1],
      [0, 2, 4],
    ];
    const transposed = table.map((_, i) => table.map((row) => row[i] ?? 0));
    for (const weights of ["none", "linear", "quadratic"] as const) {
      expect(cohenKappa(transposed, { weights }).kappa).toBeCloseTo(
        cohenKappa(table, { weights }).kappa,
        12,
      );
      expect(
        cohenKappa(
          [
            [4, 0, 0],
            [0, 3, 0],
            [0, 0, 2],
          ],
          { weights },
        ).kappa,
      ).toBe(1);
    }
  });

  it("weights near misses less than far misses", () => {
    const nearMiss = [
      [5, 2, 0],
      [0, 5, 0],
      [0, 0, 5],
    ];
    const farMiss = [
      [5, 0, 2],
      [0, 5, 0],
      [0, 0, 5],
    ];
    expect(cohenKappa(nearMiss).kappa).toBeCloseTo(cohenKappa(farMiss).kappa, 12);
    expect(cohenKappa(nearMiss, { weights: "quadratic" }).kappa).toBeGreaterThan(
      cohenKappa(farMiss, { weights: "quadratic" }).kappa,
    );
  });
});

describe("percent agreement", () => {
  it("equals Fleiss' P̄ on the published example", () => {
    const r = percentAgreement(expand(FLEISS_COUNTS));
    expectClose(r.pairwise, 0.378022, 5e-7);
    expect(r.unanimous).toBeCloseTo(0.1, 12); // only subject 1 is unanimous
    expect(r.units).toBe(10);
  });

  it("skips missing ratings and units with fewer than two ratings", () => {
    const r = percentAgreement([
      ["a", "a", null],
      ["a", "b"],
      ["b"],
      [null, undefined],
      ["c", "c", "c", "d"],
    ]);
    expect(r.units).toBe(3);
    expect(r.pairwise).toBeCloseTo((1 + 0 + 0.5) / 3, 12);
    expect(r.unanimous).toBeCloseTo(1 / 3, 12);
  });

  it("is NaN when nothing can be compared", () => {
    expect(percentAgreement([["a"]]).pairwise).toBeNaN();
  });
});
