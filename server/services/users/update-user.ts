import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users, type User } from "@/db/schema";
import { AppError } from "@/server/errors";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { updateUserInput, type UpdateUserInput } from "./user-admin-inputs";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Changes an account's role, enabled state or name. A role change or a disable bumps the
 * session version (every session of the user ends); a disable also revokes every API token.
 * The last active admin can be neither demoted nor disabled: all active admin rows are locked
 * first, so two admins demoting each other at once cannot both succeed.
 */
export async function updateUser(
  db: Db,
  params: { userId: string; actorId: string | null; input: UpdateUserInput },
): Promise<User> {
  assertUuid(params.userId, "user");
  const input = updateUserInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
      .orderBy(asc(users.id))
      .for("update");
    const [target] = await tx.select().from(users).where(eq(users.id, params.userId)).for("update");
    if (!target) throw new AppError("NOT_FOUND", "No such user");

    const role = input.role ?? target.role;
    const disabled = input.disabled ?? target.disabled;
    const wasActiveAdmin = activeAdmins.some((a) => a.id === target.id);
    if (wasActiveAdmin && (role !== "admin" || disabled) && activeAdmins.length <= 1) {
      throw new AppError("CONFLICT", "The last active admin cannot be disabled or demoted");
    }
    const roleChanged = role !== target.role;
    const disabledNow = disabled && !target.disabled;
    const enabledNow = !disabled && target.disabled;

    const [updated] = await tx
      .update(users)
      .set({
        role,
        disabled,
        ...(input.name !== undefined ? { name: input.name || null } : {}),
        ...(roleChanged || disabledNow ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, target.id))
      .returning();
    if (!updated) throw new AppError("NOT_FOUND", "No such user");

    const audit = { actorId: params.actorId, subjectType: "user", subjectId: target.id };
    if (roleChanged) {
      await recordAuditEvent(tx, {
        ...audit,
        action: AUDIT_ACTIONS.roleChange,
        details: { from: target.role, to: role },
      });
    }
    if (disabledNow) {
      const revoked = await tx
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiTokens.userId, target.id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      await recordAuditEvent(tx, {
        ...audit,
        action: AUDIT_ACTIONS.disable,
        details: { email: target.email, revokedTokens: revoked.length },
      });
    }
    if (enabledNow) {
      await recordAuditEvent(tx, {
        ...audit,
        action: AUDIT_ACTIONS.enable,
        details: { email: target.email },
      });
    }
    return updated;
  });
}
