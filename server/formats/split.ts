import { createHash } from "node:crypto";
import type { Message } from "./messages";

export type SplitName = "train" | "test";

export interface SplitOptions {
  /** Any string; the same seed always gives the same split. */
  seed: string;
  /** Share of prompt groups that go to test, in [0, 1]. */
  testFraction: number;
}

/**
 * The group key of a prompt: its messages as JSON with a fixed key order, so the same
 * conversation gives the same key whatever object it was read from. A text prompt is stored as
 * one user message, so it groups with the identical one-message conversation — the same prompt.
 */
export function promptGroupKey(prompt: readonly Message[]): string {
  return JSON.stringify(prompt.map((m) => [m.role, m.content]));
}

/**
 * A stable number in [0, 1) for a group under a seed: the first 48 bits of
 * sha256(seed, key). 48 bits fit a double exactly, and a cryptographic hash keeps the split
 * independent of how keys are spelled (similar prompts do not cluster on one side).
 */
export function groupFraction(seed: string, groupKey: string): number {
  const digest = createHash("sha256").update(seed).update("\u0000").update(groupKey).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Deterministic train/test assignment by prompt group. The decision depends only on the seed
 * and the group key, never on row order or on which other rows exist, so every pair of a prompt
 * (and every pair of a K-wise ranking group) lands on the same side, in every export.
 */
export function splitForGroup(groupKey: string, options: SplitOptions): SplitName {
  const { testFraction } = options;
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`testFraction must be between 0 and 1, got ${testFraction}`);
  }
  return groupFraction(options.seed, groupKey) < testFraction ? "test" : "train";
}

export function splitForPrompt(prompt: readonly Message[], options: SplitOptions): SplitName {
  return splitForGroup(promptGroupKey(prompt), options);
}
