import type { Db } from "@/db/client";
import type { SessionUser } from "@/server/services/users/session-user";
import { getSessionUser } from "./session";

/**
 * Who is making this request. Today: the next-auth session cookie. API tokens
 * (`Authorization: Bearer`) plug in here, so every route and procedure gets them at once.
 */
export async function getRequestUser(db: Db, _request: Request): Promise<SessionUser | null> {
  return getSessionUser(db);
}
