import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { isUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Revokes one of the user's own tokens; it stops working on the next request. Someone else's
 * token is NOT_FOUND, so token ids of other users are not confirmed. Revoking twice is a no-op.
 */
export async function revokeApiToken(
  db: Db,
  params: { userId: string; tokenId: string },
): Promise<{ revokedAt: Date }> {
  if (!isUuid(params.tokenId)) throw new AppError("NOT_FOUND", "No such token");
  return writeTransaction(db, async (tx) => {
    const [owned] = await tx
      .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, params.tokenId), eq(apiTokens.userId, params.userId)))
      .for("update");
    if (!owned) throw new AppError("NOT_FOUND", "No such token");
    if (owned.revokedAt) return { revokedAt: owned.revokedAt };
    const [updated] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, owned.id), isNull(apiTokens.revokedAt)))
      .returning({ revokedAt: apiTokens.revokedAt });
    if (!updated?.revokedAt) throw new Error("update returned no row");
    await recordAuditEvent(tx, {
      actorId: params.userId,
      action: "token.revoke",
      subjectType: "api_token",
      subjectId: owned.id,
    });
    return { revokedAt: updated.revokedAt };
  });
}
