import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import type { SessionUser } from "./session-user";
import { emailSchema } from "./user-inputs";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Writes a sign-in attempt to the audit log. On success it stamps `last_sign_in_at` and
 * returns the session version the new session is issued under; on failure it returns null.
 */
export async function recordSignIn(
  db: Db,
  params: { email: string; user: SessionUser | null; ip: string | null },
): Promise<{ sessionVersion: number } | null> {
  const { user, ip } = params;
  if (!user) {
    const email = emailSchema.safeParse(params.email);
    const address = email.success ? email.data : String(params.email).slice(0, 254);
    const [known] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, address))
      .limit(1);
    await recordAuditEvent(db, {
      actorId: null,
      action: AUDIT_ACTIONS.signInFailed,
      subjectType: known ? "user" : "email",
      subjectId: known?.id ?? address,
      details: { email: address, ip },
    });
    return null;
  }
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) return null;
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.signIn,
      subjectType: "user",
      subjectId: user.id,
      details: { ip },
    });
    return { sessionVersion: row.sessionVersion };
  });
}
