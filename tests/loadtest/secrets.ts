import { randomBytes } from "node:crypto";
import { exitCodeWithin, kill, startInstance, type AppInstance } from "./instances";

/** The cookies a response sets, as one Cookie header value. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * Signs in on one instance through next-auth's credentials flow and asks another who is
 * signed in: true when the second accepts the first one's session cookie.
 */
export async function sessionCrossesInstances(
  from: AppInstance,
  to: AppInstance,
  admin: { email: string; password: string },
): Promise<boolean> {
  const csrf = await fetch(`${from.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${from.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: "true" }),
  });
  const session = cookiesOf(signIn)
    .split("; ")
    .filter((c) => c.includes("session-token"))
    .join("; ");
  if (!session) return false;
  const other = await fetch(`${to.url}/api/auth/session`, { headers: { cookie: session } });
  const body = (await other.json()) as { userId?: string } | null;
  return Boolean(body?.userId);
}

/**
 * Starts one more instance with a NEXTAUTH_SECRET of its own against the same database: it
 * must refuse to start (exit 1) rather than serve sessions the others reject.
 */
export async function mismatchedSecretRefused(params: { port: number; databaseUrl: string }): Promise<boolean> {
  const rogue = startInstance({ ...params, poolMax: 2, secret: randomBytes(32).toString("hex") });
  const code = await exitCodeWithin(rogue, 60_000);
  await kill(rogue);
  return code === 1;
}
