/**
 * A tiny seeded PRNG. Bootstrap intervals shown on a leaderboard must not change
 * on reload, so everything random in the stats takes an explicit seed instead of
 * Math.random.
 */

/** Returns a generator of uniform floats in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32: 32 bits of state and a handful of integer operations per draw. Its
 * period (2³²) and quality are ample for drawing resample indices, and it is small
 * enough to audit at a glance. Seeds are taken modulo 2³².
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [0, n). Float multiply rather than modulo: no modulo bias. */
export function randomInt(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}
