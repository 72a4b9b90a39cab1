import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { isUuid } from "@/server/services/ids";
import type { SessionUser } from "./session-user";

/**
 * Loads the caller fresh from the database on every request, so a changed role or a disabled
 * account takes effect at once even though the session cookie is a long-lived JWT.
 */
export async function getActiveUser(db: Db, params: { userId: string }): Promise<SessionUser | null> {
  if (!isUuid(params.userId)) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.id, params.userId))
    .limit(1);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
