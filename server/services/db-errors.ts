/**
 * How the app classifies database failures. drizzle 0.45 wraps driver errors in
 * `DrizzleQueryError` with the pg error in `cause` (and pg itself may nest an AggregateError),
 * so every check here walks the whole cause chain: this file is the one place that does.
 */

/** Every error in a `cause` chain (and AggregateError members), outermost first; bounded. */
export function* errorChain(error: unknown): Generator<unknown> {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (current === null || current === undefined || seen.has(current)) continue;
    seen.add(current);
    yield current;
    if (typeof current !== "object") continue;
    queue.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
}

/** The first Postgres SQLSTATE (five characters) in the chain. */
export function sqlState(error: unknown): string | undefined {
  for (const current of errorChain(error)) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === "23505";
}

/** Serialization failures and deadlocks: safe to retry the whole transaction. */
const RETRYABLE_STATES = new Set(["40001", "40P01"]);

export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE_STATES.has(state);
}

/**
 * SQLSTATEs that mean "not now" rather than "wrong": the server is shutting down or starting
 * (57P0x), the connection broke (08xxx), it is out of connections or resources (53xxx), a
 * statement or lock timeout fired (57014, 55P03), or a transaction kept losing races (40xxx
 * after its retries).
 */
const UNAVAILABLE_STATE = /^(08...|53...|57P0[1-3]|57014|55P03|40001|40P01)$/;
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** pg reports a lost connection and a pool checkout timeout with plain messages, no code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Connection refused/i;

/** True when the failure is the database being away or overloaded: worth retrying later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of errorChain(error)) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))
    ) {
      return true;
    }
    if (current instanceof Error && UNAVAILABLE_MESSAGE.test(current.message)) return true;
  }
  return false;
}
