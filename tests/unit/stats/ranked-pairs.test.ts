import { describe, expect, it } from "vitest";
import { rankedPairs } from "@/server/stats";
import { ballots } from "./fixtures";

describe("Tideman ranked pairs", () => {
  const profile = [
    ...ballots(["w", "x", "z", "y"], 3),
    ...ballots(["w", "y", "x", "z"], 2),
    ...ballots(["x", "y", "z", "w"], 4),
    ...ballots(["x", "z", "w", "y"], 5),
    ...ballots(["y", "w", "x", "z"], 1),
  ];

  it("merges the Open-Assistant profile into x, z, w, y with the published tallies", () => {
    const r = rankedPairs(profile);
    expect(r.order).toEqual(["x", "z", "w", "y"]);
    expect(r.candidates).toEqual(["w", "x", "y", "z"]);
    expect(r.tallies).toEqual([
      [0, 6, 10, 6],
      [9, 0, 12, 15],
      [5, 3, 0, 7],
      [9, 0, 8, 0],
    ]);
  });

  it("ranks a, b, c for [[a,b,c],[a,c,b],[b,a,c]]", () => {
    expect(
      rankedPairs([
        ["a", "b", "c"],
        ["a", "c", "b"],
        ["b", "a", "c"],
      ]).order,
    ).toEqual(["a", "b", "c"]);
  });

  it("does not depend on ballot order", () => {
    expect(rankedPairs([...profile].reverse()).order).toEqual(["x", "z", "w", "y"]);
  });

  it("breaks a Condorcet cycle at its weakest link", () => {
    // a>b by 5, b>c by 3, c>a by 1: c>a is skipped.
    const r = rankedPairs([
      ...ballots(["a", "b", "c"], 3),
      ...ballots(["b", "c", "a"], 2),
      ...ballots(["c", "a", "b"], 2),
      ...ballots(["a", "c", "b"], 1),
      ...ballots(["b", "a", "c"], 1),
    ]);
    expect(r.order).toEqual(["a", "b", "c"]);
    expect(r.locked).not.toContainEqual(["c", "a"]);
  });

  it("counts tied groups as no preference and breaks exact ties by candidate order", () => {
    const tied = rankedPairs([
      [["b", "a"], "c"],
      [["a", "b"], "c"],
    ]);
    expect(tied.tallies[0]?.[1]).toBe(0);
    expect(tied.tallies[1]?.[0]).toBe(0);
    expect(tied.order).toEqual(["a", "b", "c"]);
    expect(rankedPairs([[["b", "a"], "c"]], { candidates: ["c", "b", "a"] }).order).toEqual([
      "b",
      "a",
      "c",
    ]);
  });

  it("resolves equal margins by the winner's vote count", () => {
    // p>q 2:0 and r>s 3:1 both have margin 2; r>s has more votes, so it locks first.
    const r = rankedPairs([
      ...ballots(["p", "q", ["r", "s"]], 2),
      ...ballots([["p", "q"], "r", "s"], 3),
      ...ballots([["p", "q"], "s", "r"], 1),
    ]);
    const position = (pair: [string, string]) =>
      r.locked.findIndex((l) => l[0] === pair[0] && l[1] === pair[1]);
    expect(position(["r", "s"])).toBeGreaterThanOrEqual(0);
    expect(position(["r", "s"])).toBeLessThan(position(["p", "q"]));
  });

  it("resolves equal margins and equal votes by candidate order", () => {
    // a>b and c>d: both 1:0; the listed candidate order decides which locks first.
    const profile = [
      [
        ["a", "c"],
        ["b", "d"],
      ] as const,
    ];
    const first = rankedPairs(profile, { candidates: ["a", "b", "c", "d"] });
    const second = rankedPairs(profile, { candidates: ["c", "d", "a", "b"] });
    expect(first.locked.findIndex((l) => l[0] === "a" && l[1] === "b")).toBeLessThan(
      first.locked.findIndex((l) => l[0] === "c" && l[1] === "d"),
    );
    expect(second.locked.findIndex((l) => l[0] === "c" && l[1] === "d")).toBeLessThan(
      second.locked.findIndex((l) => l[0] === "a" && l[1] === "b"),
    );
    expect(first.order).toEqual(["a", "c", "b", "d"]);
    expect(second.order).toEqual(["c", "a", "d", "b"]);
  });

  it("ranks candidates a ballot leaves out below the ones it lists", () => {
    const r = rankedPairs([["b"], ["b", "a"]], { candidates: ["a", "b"] });
    expect(r.tallies).toEqual([
      [0, 0],
      [2, 0],
    ]);
    expect(r.order).toEqual(["b", "a"]);
  });

  it("rejects unknown or repeated candidates", () => {
    expect(() => rankedPairs([["a", "z"]], { candidates: ["a", "b"] })).toThrow(RangeError);
    expect(() => rankedPairs([["a", "b", "a"]])).toThrow(RangeError);
  });
});
