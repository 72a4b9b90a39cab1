import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

/** Ten wrong passwords for one email within fifteen minutes lock that email for the rest of the window. */
export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MINUTES = 15;

export async function isSignInThrottled(db: Db, params: { email: string }): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.email, params.email),
        gt(signInFailures.createdAt, sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`),
      ),
    );
  return (row?.n ?? 0) >= SIGN_IN_MAX_FAILURES;
}

export async function recordSignInFailure(db: Db, params: { email: string }): Promise<void> {
  await db.insert(signInFailures).values({ email: params.email });
}

/** A successful sign-in forgets earlier failures for that email. */
export async function clearSignInFailures(db: Db, params: { email: string }): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, params.email));
}
