import { getServerSession } from "next-auth";
import type { Db } from "@/db/client";
import { getActiveUser } from "@/server/services/users/get-active-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { authOptions } from "./options";

/** The signed-in user of this request (App Router: reads the session cookie), or null. */
export async function getSessionUser(db: Db): Promise<SessionUser | null> {
  const session = (await getServerSession(await authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  return getActiveUser(db, { userId: session.userId });
}
