import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { hashInvitationToken, isWellFormedToken } from "@/server/services/campaigns/invitation-token";

/** Whether a reset link can still be used, and for which email (shown on the reset page). */
export async function checkPasswordReset(
  db: Db,
  params: { token: string },
): Promise<{ email: string } | null> {
  if (!isWellFormedToken(params.token)) return null;
  const [row] = await db
    .select({ email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, hashInvitationToken(params.token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}
