import { describe, expect, it } from "vitest";
import {
  groupFraction,
  promptGroupKey,
  splitForGroup,
  splitForPrompt,
} from "@/server/formats/split";
import { allPairs } from "./fixtures";

describe("split by prompt group", () => {
  const keys = Array.from({ length: 2000 }, (_, i) => `prompt ${i % 500}`);

  it("never puts one group in both train and test", () => {
    const sides = new Map<string, Set<string>>();
    for (const key of keys) {
      const side = splitForGroup(key, { seed: "s", testFraction: 0.2 });
      sides.set(key, (sides.get(key) ?? new Set()).add(side));
    }
    for (const set of sides.values()) expect(set.size).toBe(1);
    for (const pair of allPairs) {
      const copies = allPairs.filter(
        (p) => promptGroupKey(p.prompt) === promptGroupKey(pair.prompt),
      );
      const sidesOfPrompt = new Set(
        copies.map((p) => splitForPrompt(p.prompt, { seed: "x", testFraction: 0.5 })),
      );
      expect(sidesOfPrompt.size).toBe(1);
    }
  });

  it("is stable for a seed, differs across seeds, and roughly honours the fraction", () => {
    const unique = [...new Set(keys)];
    const run = (seed: string) => unique.map((k) => splitForGroup(k, { seed, testFraction: 0.2 }));
    expect(run("a")).toEqual(run("a"));
    expect(run("a")).not.toEqual(run("b"));
    const share = run("a").filter((s) => s === "test").length / unique.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.27);
  });

  it("handles the edges of the fraction and hashes into [0, 1)", () => {
    expect(splitForGroup("k", { seed: "s", testFraction: 0 })).toBe("train");
    expect(splitForGroup("k", { seed: "s", testFraction: 1 })).toBe("test");
    expect(() => splitForGroup("k", { seed: "s", testFraction: 1.5 })).toThrow(RangeError);
    const f = groupFraction("s", "k");
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThan(1);
  });

  it("keys a prompt by its messages, whatever the key order of the objects", () => {
    expect(promptGroupKey([{ role: "user", content: "hi" }])).toBe(
      promptGroupKey([{ content: "hi", role: "user" } as { role: "user"; content: string }]),
    );
  });
});
