import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/** Ends every session of a user at once (API tokens are revoked separately, one by one). */
export async function signOutEverywhere(
  db: Db,
  params: { userId: string; actorId: string | null },
): Promise<{ sessionVersion: number }> {
  assertUuid(params.userId, "user");
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, params.userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw new AppError("NOT_FOUND", "No such user");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: AUDIT_ACTIONS.signOutEverywhere,
      subjectType: "user",
      subjectId: params.userId,
    });
    return row;
  });
}
