import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "./session-user";
import { clearSignInFailures, isSignInThrottled, recordSignInFailure } from "./sign-in-throttle";
import { emailSchema } from "./user-inputs";

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all give
 * the same answer (null) after the same amount of hashing work, and count toward the email's
 * throttle; a throttled email is refused without checking the password at all.
 */
export async function verifyCredentials(
  db: Db,
  params: { email: string; password: string },
): Promise<SessionUser | null> {
  const email = emailSchema.safeParse(params.email);
  if (!email.success || typeof params.password !== "string") return null;
  if (await isSignInThrottled(db, { email: email.data })) return null;
  const [user] = await db.select().from(users).where(eq(users.email, email.data)).limit(1);
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    params.password,
  );
  if (!user || !user.passwordHash || !passwordOk || user.disabled) {
    await recordSignInFailure(db, { email: email.data });
    return null;
  }
  await clearSignInFailures(db, { email: email.data });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
