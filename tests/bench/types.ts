/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** The PostgreSQL server to measure against; unset when DATABASE_URL is not set. */
  databaseUrl: string | undefined;
  /**
   * `--smoke`: small sizes and short runs, so CI proves in a minute or two that every
   * benchmark still runs end to end. Its figures are not the budgets' figures.
   */
  smoke: boolean;
  /** The first of the ports this run may give to `next start` instances (BENCH_PORT, default 3270). */
  port: number;
  log(message: string): void;
}

export type Figures = Record<string, number | string>;

/**
 * One row of `npm run bench` (DESIGN §12). `run` returns its figures, flat, so the runner can
 * print and store them; by convention `budget` is "pass" / "FAIL" / "skipped" and `skipped`
 * says why when the benchmark could not run here.
 */
export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Figures>;
}

/** The full size, or the smoke size under `--smoke`. */
export function sized<T>(ctx: BenchContext, full: T, smoke: T): T {
  return ctx.smoke ? smoke : full;
}

/** "pass" when every check holds, else "FAIL". */
export function verdict(...checks: boolean[]): "pass" | "FAIL" {
  return checks.every(Boolean) ? "pass" : "FAIL";
}

/** Nearest-rank percentile of an unsorted sample, in the sample's unit. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
