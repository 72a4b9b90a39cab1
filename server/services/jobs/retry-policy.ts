/**
 * When to try a failed model request again (DESIGN §15): bounded attempts, exponential
 * back-off with jitter, and never sooner than the server's Retry-After. Pure, so the rules are
 * unit-tested without a clock.
 */
export const MAX_TASK_ATTEMPTS = 5;

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** A server may ask for a long pause, but a task is never parked for more than this. */
const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Retry-After as milliseconds: `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, nowMs: number): number | null {
  if (!headers) return null;
  const ms = Number(headers.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}

/**
 * The pause before attempt `attempt + 1`, after `attempt` failures: base·2^(attempt−1), capped,
 * with ±25 % jitter so that tasks that failed together do not retry in lockstep; at least the
 * server's Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential * (0.75 + random() * 0.5);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
