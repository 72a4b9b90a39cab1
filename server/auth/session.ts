import type { Db } from "@/db/client";
import { getActiveUser } from "@/server/services/users/get-active-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { readSessionClaims } from "./session-token";

/**
 * The signed-in user behind a request's Cookie header, or null. The JWT alone is not enough:
 * the user must still exist, be enabled and have the session version the JWT was issued
 * under, so sign-out-everywhere, a password change, a role change or disabling ends it.
 */
export async function getSessionUser(db: Db, cookieHeader: string | null): Promise<SessionUser | null> {
  const claims = await readSessionClaims(cookieHeader);
  if (!claims) return null;
  return getActiveUser(db, claims);
}
