import type { Db } from "@/db/client";
import { authenticateApiToken } from "@/server/services/users/authenticate-api-token";
import type { SessionUser } from "@/server/services/users/session-user";
import { clientIp } from "./client-ip";
import { getSessionUser } from "./session";

/** Who is acting, and through which API token (null: a browser session). */
export interface RequestAuth {
  user: SessionUser;
  tokenId: string | null;
}

/**
 * Who is making this request: an API token (`Authorization: Bearer arb_…`) or the next-auth
 * session cookie. Every REST route and tRPC procedure authenticates through here. A request
 * that sends an Authorization header is judged by it alone: a bad token never falls back to
 * an ambient cookie.
 */
export async function getRequestAuth(db: Db, request: Request): Promise<RequestAuth | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1]
      ? authenticateApiToken(db, { token: match[1], ip: clientIp(request.headers) })
      : null;
  }
  const user = await getSessionUser(db, request.headers.get("cookie"));
  return user ? { user, tokenId: null } : null;
}

export async function getRequestUser(db: Db, request: Request): Promise<SessionUser | null> {
  return (await getRequestAuth(db, request))?.user ?? null;
}
