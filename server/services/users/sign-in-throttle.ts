import { eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInThrottles } from "@/db/schema";

/**
 * Sign-in throttling (DESIGN §10). Every attempt is counted before its password is checked, in
 * one conditional upsert that Postgres serialises on the key's row, so a parallel burst gets no
 * more checks than the limit. Past the free attempts each further one waits: one minute, then
 * doubling, never more than fifteen, so a lock-out is always short and an attacker cannot shut
 * the owner out for longer than that by guessing. A quiet hour forgives a key.
 */
export const SIGN_IN_LIMITS = {
  /** Free attempts for one email, from anywhere. */
  account: 10,
  /** Free attempts from one client address, across every email. */
  ip: 50,
} as const;
export const SIGN_IN_FIRST_DELAY_SECONDS = 60;
export const SIGN_IN_MAX_DELAY_SECONDS = 15 * 60;
export const SIGN_IN_FORGIVE_AFTER_MINUTES = 60;
/** Rows idle this long are deleted; they could no longer throttle anything. */
export const SIGN_IN_PRUNE_AFTER_HOURS = 24;

export type ThrottleKey = { kind: keyof typeof SIGN_IN_LIMITS; value: string };

function keyText(key: ThrottleKey): string {
  return `${key.kind}:${key.value}`;
}

/**
 * Counts one attempt under each key, in order, and says whether the password may be checked.
 * Stops at the first key that is blocked, so a blocked address does not use up an account's
 * attempts.
 */
export async function takeSignInAttempt(db: Db, params: { keys: ThrottleKey[] }): Promise<boolean> {
  for (const key of params.keys) {
    if (!(await takeOne(db, keyText(key), SIGN_IN_LIMITS[key.kind]))) return false;
  }
  return true;
}

async function takeOne(db: Db, key: string, free: number): Promise<boolean> {
  const t = signInThrottles;
  const stale = sql`${t.updatedAt} < now() - make_interval(mins => ${SIGN_IN_FORGIVE_AFTER_MINUTES})`;
  const next = sql`case when ${stale} then 1 else ${t.attempts} + 1 end`;
  // While attempts are free, blocked_until keeps its old (past) value: an attempt that started
  // earlier but waited for the row lock must not be refused by a later one's timestamp.
  const delay = (n: SQL) =>
    sql`least(${SIGN_IN_FIRST_DELAY_SECONDS}::float8 * power(2, ${n} - ${free}), ${SIGN_IN_MAX_DELAY_SECONDS})`;
  const [taken] = await db
    .insert(t)
    .values({
      key,
      attempts: 1,
      blockedUntil: free > 1 ? sql`'epoch'::timestamptz` : sql`now() + make_interval(secs => ${delay(sql`1`)})`,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        attempts: next,
        blockedUntil: sql`case when ${next} < ${free} then ${t.blockedUntil}
          else now() + make_interval(secs => ${delay(next)}) end`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${t.blockedUntil} <= now() or ${stale}`,
    })
    .returning({ key: t.key });
  return taken !== undefined;
}

/**
 * A correct password: the account starts afresh, and the address gets this attempt back, so
 * many people signing in behind one gateway do not add up to its limit.
 */
export async function forgiveSignInAttempt(db: Db, params: { account: string; ip: string | null }) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keyText({ kind: "account", value: params.account })));
  if (params.ip) {
    await db
      .update(signInThrottles)
      .set({ attempts: sql`greatest(${signInThrottles.attempts} - 1, 0)` })
      .where(eq(signInThrottles.key, keyText({ kind: "ip", value: params.ip })));
  }
}

/** Deletes a bounded batch of idle rows; called on every sign-in, so the table stays small. */
export async function pruneSignInThrottles(db: Db): Promise<number> {
  const idle = db
    .select({ key: signInThrottles.key })
    .from(signInThrottles)
    .where(lt(signInThrottles.updatedAt, sql`now() - make_interval(hours => ${SIGN_IN_PRUNE_AFTER_HOURS})`))
    .limit(500);
  const deleted = await db
    .delete(signInThrottles)
    .where(inArray(signInThrottles.key, idle))
    .returning({ key: signInThrottles.key });
  return deleted.length;
}
