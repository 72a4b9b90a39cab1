import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import {
  hashInvitationToken,
  newInvitationToken,
} from "@/server/services/campaigns/invitation-token";
import { assertUuid } from "@/server/services/ids";
import { PASSWORD_RESET_TTL_HOURS, passwordResetPath } from "./user-admin-inputs";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Makes a single-use, expiring password reset link for a user; earlier unused links of that
 * user stop working. The token is returned once and only its hash is stored.
 */
export async function createPasswordReset(
  db: Db,
  params: { userId: string; actorId: string | null },
): Promise<{ token: string; path: string; expiresAt: Date }> {
  assertUuid(params.userId, "user");
  const token = newInvitationToken();
  return writeTransaction(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, params.userId));
    if (!user) throw new AppError("NOT_FOUND", "No such user");
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const [row] = await tx
      .insert(passwordResets)
      .values({
        userId: user.id,
        tokenHash: hashInvitationToken(token),
        expiresAt: sql`now() + make_interval(hours => ${PASSWORD_RESET_TTL_HOURS})`,
        createdBy: params.actorId,
      })
      .returning({ expiresAt: passwordResets.expiresAt });
    if (!row) throw new Error("insert returned no row");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: AUDIT_ACTIONS.passwordResetLink,
      subjectType: "user",
      subjectId: user.id,
      details: { expiresAt: row.expiresAt.toISOString() },
    });
    return { token, path: passwordResetPath(token), expiresAt: row.expiresAt };
  });
}
