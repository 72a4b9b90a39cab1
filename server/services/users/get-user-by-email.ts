import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "./session-user";
import { emailSchema } from "./user-inputs";

/**
 * An active account by email, for operator tools (the CLI); NOT_FOUND or CONFLICT otherwise.
 * `allowDisabled` also finds disabled accounts (to enable them again).
 */
export async function getUserByEmail(
  db: Db,
  params: { email: string; allowDisabled?: boolean },
): Promise<SessionUser> {
  const email = emailSchema.parse(params.email);
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new AppError("NOT_FOUND", `No user with email ${email}`);
  if (user.disabled && !params.allowDisabled) throw new AppError("CONFLICT", `The account ${email} is disabled`);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
