import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { isRetryableTransactionError } from "./db-errors";

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
}

/** The transaction handle a `db.transaction` callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Runs a whole transaction again when Postgres aborted it for a reason that a second attempt
 * cures (serialization failure, deadlock; DESIGN §11). Bounded, with jittered backoff so that
 * two transactions that deadlocked do not collide again in lockstep. Only wrap work that is safe
 * to repeat: a transaction that rolled back left nothing behind.
 *
 * A lost connection is deliberately not retried here: if it broke during COMMIT nobody knows
 * whether the work landed, so the caller gets a 503 with Retry-After and retries with its
 * idempotency key, which is what makes a repeat safe.
 */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
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

/**
 * The one way services open a transaction that writes: retried as a whole on serialization
 * failures and deadlocks. Inside another transaction it becomes a savepoint and is not retried
 * on its own, since only the outermost transaction can be run again.
 */
export function writeTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options?: RetryOptions,
): Promise<T> {
  if (db instanceof PgTransaction) return db.transaction(work);
  return withRetry(() => db.transaction(work), options);
}
