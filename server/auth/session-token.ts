import { decode, encode } from "next-auth/jwt";

/** next-auth v4's session cookie: `__Secure-` on https, split into `.0`, `.1` … when large. */
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** What a session JWT vouches for: the user and the session version it was issued under. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** The session JWT's claim names; the next-auth callbacks and the decoder share them. */
export const CLAIM_SESSION_VERSION = "sv";

function cookieValues(cookieHeader: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    values.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return values;
}

/** The raw session token from a Cookie header, joining chunks in order; null when absent. */
export function sessionTokenFromCookies(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const values = cookieValues(cookieHeader);
  for (const name of COOKIE_NAMES) {
    const whole = values.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; values.has(`${name}.${i}`); i++) chunks.push(values.get(`${name}.${i}`) ?? "");
    if (chunks.length) return chunks.join("");
  }
  return null;
}

/** Decodes (and authenticates) a session JWT with next-auth's own decoder; null if invalid. */
export async function readSessionClaims(
  cookieHeader: string | null,
  secret: string,
): Promise<SessionClaims | null> {
  const token = sessionTokenFromCookies(cookieHeader);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    const version = payload?.[CLAIM_SESSION_VERSION];
    if (typeof payload?.sub !== "string" || typeof version !== "number") return null;
    return { userId: payload.sub, sessionVersion: version };
  } catch {
    return null;
  }
}

/** A session JWT exactly as next-auth issues it (tests and tools use this to act as a browser). */
export function encodeSessionToken(
  claims: SessionClaims,
  maxAgeSeconds: number,
  secret: string,
): Promise<string> {
  return encode({
    token: { sub: claims.userId, [CLAIM_SESSION_VERSION]: claims.sessionVersion },
    secret,
    maxAge: maxAgeSeconds,
  });
}
