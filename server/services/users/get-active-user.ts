import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/server/services/ids";
import { recordRefusedSession } from "./record-refused-session";
import type { SessionUser } from "./session-user";

/**
 * Loads the caller fresh from the database on every request, so a changed role, a disabled
 * account or a bumped session version takes effect at once even though the session cookie
 * is a long-lived JWT.
 */
export async function getActiveUser(
  db: Db,
  params: { userId: string; sessionVersion: number },
): Promise<SessionUser | null> {
  if (!isUuid(params.userId)) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, params.userId))
    .limit(1);
  if (!user) return null;
  if (user.disabled || user.sessionVersion !== params.sessionVersion) {
    await recordRefusedSession(db, {
      userId: user.id,
      reason: user.disabled ? "disabled" : "signed_out",
    });
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
