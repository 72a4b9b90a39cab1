/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** The PostgreSQL server to measure against; unset when DATABASE_URL is not set. */
  databaseUrl: string | undefined;
  log(message: string): void;
}

/**
 * One row of `npm run bench` (DESIGN §12). `run` returns its figures, flat, so the runner can
 * print and store them; by convention `budget` is "pass" / "FAIL" / "skipped" and `skipped`
 * says why when the benchmark could not run here.
 */
export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Record<string, number | string>>;
}

/** Nearest-rank percentile of an unsorted sample, in the sample's unit. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
