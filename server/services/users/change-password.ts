import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { changePasswordInput, type ChangePasswordInput } from "./user-admin-inputs";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * A signed-in user changes their own password. The current password must be right; every
 * session of the user (this one too) ends, so a stolen session cannot outlive the change.
 */
export async function changePassword(
  db: Db,
  params: { userId: string; input: ChangePasswordInput },
): Promise<void> {
  const input = changePasswordInput.parse(params.input);
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, params.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("FORBIDDEN", "The current password is wrong");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, params.userId));
    await recordAuditEvent(tx, {
      actorId: params.userId,
      action: AUDIT_ACTIONS.passwordChange,
      subjectType: "user",
      subjectId: params.userId,
    });
  });
}
