import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import type { SessionUser } from "@/server/services/users/session-user";

/** The signed-in user for a server component or layout (the same check every API request makes). */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return getSessionUser(await getDb(), (await headers()).get("cookie"));
}

/** Layout guard: sends visitors who may not see this area elsewhere. The real check is on the server. */
export async function requireUser(role?: "admin"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (role && user.role !== role) redirect("/campaigns");
  return user;
}
