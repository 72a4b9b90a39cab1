import { describe, expect, it } from "vitest";
import { binomialTest } from "@/server/stats";
import { expectClose } from "./fixtures";

describe("two-sided exact binomial test", () => {
  it("gives p = 1 when k = n/2", () => {
    for (const n of [2, 10, 1_000, 1_000_000]) expect(binomialTest(n / 2, n)).toBe(1);
  });

  it("matches closed forms for small n", () => {
    // 2 · P(X ≤ 3), X ~ Bin(10, ½) = 2 · 176 / 1024.
    expect(binomialTest(3, 10)).toBeCloseTo(0.34375, 14);
    expect(binomialTest(0, 10)).toBeCloseTo(2 / 1024, 14);
    expect(binomialTest(10, 10)).toBeCloseTo(2 / 1024, 14);
    expect(binomialTest(0, 0)).toBe(1);
  });

  it("matches SciPy's binomtest (minlike rule), including an asymmetric null", () => {
    expectClose(binomialTest(60, 100), 0.05688793364098089, 1e-12);
    expectClose(binomialTest(520, 1000), 0.2174482932041415, 1e-12);
    expectClose(binomialTest(7, 20, 0.3), 0.6294979666766769, 1e-12);
    expectClose(binomialTest(2, 20, 0.3), 0.05262794872972706, 1e-12);
    expect(binomialTest(6, 20, 0.3)).toBe(1);
  });

  it("stays accurate at n = 1,000,000", () => {
    expectClose(binomialTest(499_000, 1_000_000) / 0.0456082998653896, 1, 1e-7);
    expectClose(binomialTest(501_500, 1_000_000) / 0.002708655306059374, 1, 1e-7);
    expect(binomialTest(600_000, 1_000_000)).toBe(0); // below double precision
  });

  it("is symmetric in k ↔ n − k at p = ½ and shrinks as k moves away from n/2", () => {
    let previous = 1;
    for (let k = 500; k >= 440; k -= 5) {
      const p = binomialTest(k, 1000);
      expect(p).toBeCloseTo(binomialTest(1000 - k, 1000), 12);
      expect(p).toBeLessThanOrEqual(previous);
      previous = p;
    }
  });

  it("rejects impossible inputs", () => {
    expect(() => binomialTest(11, 10)).toThrow(RangeError);
    expect(() => binomialTest(1.5, 10)).toThrow(RangeError);
    expect(() => binomialTest(1, 10, 1.5)).toThrow(RangeError);
  });
});
