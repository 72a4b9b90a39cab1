import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * Sign-in attempts per throttle key (`account:<email>` or `ip:<address>`), for throttling
 * (DESIGN §10). One row per key, counted with an atomic upsert before the password is checked,
 * so parallel guesses cannot slip past the limit. Kept in the database, not in memory, so every
 * app instance sees the same counts. Rows idle for a day are pruned.
 */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text().primaryKey(),
    /** Attempts not yet forgiven: a success resets an account's count and takes one off its IP's. */
    attempts: integer().notNull().default(0),
    /** No attempt under this key is checked before this moment. */
    blockedUntil: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("sign_in_throttles_updated_at_idx").on(t.updatedAt)],
);
