import { describe, expect, it } from "vitest";
import { dawidSkene } from "@/server/stats";
import { DS_ANNOTATIONS, expectClose } from "./fixtures";

/** Published to 2 decimals. */
function expectTwoDecimals(actual: number | undefined, expected: number): void {
  expectClose(actual, expected, 0.005);
}

describe("Dawid–Skene, crowd-kit's step-by-step fixture", () => {
  it("after 0 iterations holds the majority-vote shares and their mean as priors", () => {
    const r = dawidSkene(DS_ANNOTATIONS, { iterations: 0 });
    expect(r.classes).toEqual(["no", "yes"]);
    expect(r.tasks).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    const expected = [
      [0.5, 0.5],
      [0.4, 0.6],
      [0.6, 0.4],
      [0, 1],
      [0.8, 0.2],
    ];
    expected.forEach((row, t) => row.forEach((p, k) => expectTwoDecimals(r.posteriors[t]?.[k], p)));
    expectTwoDecimals(r.priors[0], 0.46);
    expectTwoDecimals(r.priors[1], 0.54);
    expect(r.iterations).toBe(0);
  });

  it("after 1 iteration matches the published posteriors, priors and labels", () => {
    const r = dawidSkene(DS_ANNOTATIONS, { iterations: 1 });
    const expected = [
      [0.35, 0.65],
      [0.26, 0.74],
      [0.87, 0.13],
      [0.0, 1.0],
      [0.95, 0.05],
    ];
    expected.forEach((row, t) => row.forEach((p, k) => expectTwoDecimals(r.posteriors[t]?.[k], p)));
    expectTwoDecimals(r.priors[0], 0.49);
    expectTwoDecimals(r.priors[1], 0.51);
    expect(r.labels).toEqual(["yes", "yes", "no", "yes", "no"]);
    expect(r.iterations).toBe(1);
  });

  it("runs to convergence with proper distributions everywhere", () => {
    const r = dawidSkene(DS_ANNOTATIONS);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.iterations).toBeLessThan(100);
    for (const row of r.posteriors) expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(r.priors.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    for (const byTrue of r.confusion) {
      for (const row of byTrue) expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
    expect(r.labels).toEqual(["yes", "yes", "no", "yes", "no"]);
  });

  it("overrules a minority of careless workers that a majority vote would follow", () => {
    // Three reliable workers agree on 30 tasks; two workers answer "b" to everything.
    const annotations = [];
    for (let t = 0; t < 30; t++) {
      const truth = t % 3 === 0 ? "b" : "a";
      for (const worker of ["r1", "r2", "r3"])
        annotations.push({ task: `t${t}`, worker, label: truth });
      for (const worker of ["s1", "s2"]) annotations.push({ task: `t${t}`, worker, label: "b" });
    }
    // A task only one reliable worker saw, outvoted 2:1 by the spammers.
    annotations.push(
      { task: "hard", worker: "r1", label: "a" },
      { task: "hard", worker: "s1", label: "b" },
      { task: "hard", worker: "s2", label: "b" },
    );
    const r = dawidSkene(annotations);
    expect(r.labels[r.tasks.indexOf("hard")]).toBe("a");
  });

  it("uses a fixed class order and rejects labels outside it", () => {
    const r = dawidSkene(DS_ANNOTATIONS, { iterations: 1, classes: ["yes", "no"] });
    expectTwoDecimals(r.posteriors[0]?.[0], 0.65);
    expect(() => dawidSkene(DS_ANNOTATIONS, { classes: ["yes"] })).toThrow(RangeError);
  });
});
