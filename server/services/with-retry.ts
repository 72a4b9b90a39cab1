import { isRetryableTransactionError } from "./db-errors";

/**
 * Runs a whole transaction again when Postgres aborted it for a reason that a second attempt
 * cures (serialization failure, deadlock; DESIGN §11). Bounded, with jittered backoff so that
 * two transactions that deadlocked do not collide again in lockstep. Only wrap work that is safe
 * to repeat: a transaction that rolled back left nothing behind.
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  options: { attempts?: number; baseDelayMs?: number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      const delay = baseDelayMs * 2 ** attempt * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
