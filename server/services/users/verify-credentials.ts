import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "@/server/auth/password";
import type { SessionUser } from "./session-user";
import {
  forgiveSignInAttempt,
  pruneSignInThrottles,
  takeSignInAttempt,
  type ThrottleKey,
} from "./sign-in-throttle";
import { emailSchema } from "./user-inputs";

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all give
 * the same answer (null) after the same amount of hashing work. Each attempt is counted against
 * the email and the client address before the password is checked; a throttled attempt is
 * refused without checking it at all.
 */
export async function verifyCredentials(
  db: Db,
  params: { email: string; password: string; ip?: string | null },
): Promise<SessionUser | null> {
  const email = emailSchema.safeParse(params.email);
  if (!email.success || typeof params.password !== "string") return null;
  const ip = params.ip?.trim().slice(0, 64) || null;
  const keys: ThrottleKey[] = [
    ...(ip ? [{ kind: "ip" as const, value: ip }] : []),
    { kind: "account", value: email.data },
  ];
  await pruneSignInThrottles(db);
  if (!(await takeSignInAttempt(db, { keys }))) return null;
  const [user] = await db.select().from(users).where(eq(users.email, email.data)).limit(1);
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    params.password,
  );
  if (!user || !user.passwordHash || !passwordOk || user.disabled) return null;
  await forgiveSignInAttempt(db, { account: email.data, ip });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
