import type { Db } from "@/db/client";
import { getActiveUser } from "@/server/services/users/get-active-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { sessionSecret } from "./secret";
import { readSessionClaims, sessionTokenFromCookies } from "./session-token";

/**
 * The signed-in user behind a request's Cookie header, or null. The JWT alone is not enough:
 * the user must still exist, be enabled and have the session version the JWT was issued
 * under, so sign-out-everywhere, a password change, a role change or disabling ends it.
 */
export async function getSessionUser(db: Db, cookieHeader: string | null): Promise<SessionUser | null> {
  // Scripts, tests and health checks without a session cookie never touch the secret.
  if (!sessionTokenFromCookies(cookieHeader)) return null;
  const claims = await readSessionClaims(cookieHeader, await sessionSecret(db));
  if (!claims) return null;
  return getActiveUser(db, claims);
}
