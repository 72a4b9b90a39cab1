import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: unguessable, and URL-safe as it stands. */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored; a leaked table cannot be turned back into working links. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a database lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
