import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import {
  hashInvitationToken,
  isWellFormedToken,
} from "@/server/services/campaigns/invitation-token";
import { resetPasswordInput } from "./user-admin-inputs";
import { writeTransaction } from "@/server/services/with-retry";

const INVALID = "This reset link is invalid, used or expired. Ask an admin for a new one.";

/**
 * Sets a new password from a reset link. Marking the link used is the same statement that
 * checks it, so a link works exactly once even under parallel submits; every session of the
 * user ends (the session version is bumped).
 */
export async function resetPassword(
  db: Db,
  params: { token: string; password: string },
): Promise<{ email: string }> {
  const input = resetPasswordInput.parse(params);
  if (!isWellFormedToken(input.token)) throw new AppError("NOT_FOUND", INVALID);
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, async (tx) => {
    const [link] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.tokenHash, hashInvitationToken(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!link) throw new AppError("NOT_FOUND", INVALID);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, link.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new AppError("NOT_FOUND", INVALID);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: AUDIT_ACTIONS.passwordReset,
      subjectType: "user",
      subjectId: user.id,
    });
    return { email: user.email };
  });
}
