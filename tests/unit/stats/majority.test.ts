import { describe, expect, it } from "vitest";
import { majorityVote } from "@/server/stats";

describe("majority vote", () => {
  it("returns the strict winner and its share", () => {
    const r = majorityVote(["a", "b", "a", null, "a", "c"]);
    expect(r.label).toBe("a");
    expect(r.tied).toEqual(["a"]);
    expect(r.count).toBe(3);
    expect(r.total).toBe(5);
    expect(r.share).toBeCloseTo(0.6, 12);
  });

  it("claims no winner on a tie and lists every tied label in order of appearance", () => {
    const r = majorityVote(["b", "a", "a", "b", "c"]);
    expect(r.label).toBeNull();
    expect(r.tied).toEqual(["b", "a"]);
    expect(r.share).toBeCloseTo(0.4, 12);
  });

  it("handles no votes", () => {
    const r = majorityVote<string>([null, undefined]);
    expect(r).toEqual({ label: null, tied: [], count: 0, total: 0, share: 0 });
  });

  it("keeps numeric and string labels apart", () => {
    expect(majorityVote<number | string>([1, "1", 1]).label).toBe(1);
  });
});
