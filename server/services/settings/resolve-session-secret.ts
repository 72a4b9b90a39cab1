import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appSettings } from "@/db/schema";

const GENERATED_SECRET = "session_secret";
const FINGERPRINT = "session_secret_fingerprint";
/** The app_settings rows this file owns (a deliberate rotation forgets both). */
export const SESSION_SECRET_KEYS = [GENERATED_SECRET, FINGERPRINT];

/** Raised when this instance would sign sessions with another secret than the others do. */
export class SessionSecretMismatchError extends Error {
  override readonly name = "SessionSecretMismatchError";
  constructor() {
    super(
      "This instance's session secret differs from the one the other instances of this database sign with, " +
        "so sessions made here would be refused there and users would be signed out at random. " +
        "Give every instance the same NEXTAUTH_SECRET, or leave it unset everywhere to share the generated one. " +
        "After rotating the secret on purpose, run `arbiter session-secret reset` once (every session ends).",
    );
  }
}

/**
 * The secret this instance signs sessions with (DESIGN §3: instances are interchangeable).
 * `configured` is NEXTAUTH_SECRET; without it, every instance shares one generated secret kept
 * in the database, created once by whichever instance comes first. Either way the secret's
 * fingerprint (an HMAC, which reveals nothing of the secret) is recorded the same way, and an
 * instance whose secret does not match it is refused instead of failing silently.
 */
export async function resolveSessionSecret(db: Db, params: { configured?: string }): Promise<string> {
  const secret = params.configured ?? (await createOnce(db, GENERATED_SECRET, randomBytes(32).toString("base64url")));
  const fingerprint = createHmac("sha256", secret).update("arbiter session secret fingerprint").digest("hex");
  if ((await createOnce(db, FINGERPRINT, fingerprint)) !== fingerprint) throw new SessionSecretMismatchError();
  return secret;
}

/** Inserts the value unless the key exists, then reads back whichever value won: race-safe. */
async function createOnce(db: Db, key: string, value: string): Promise<string> {
  await db.insert(appSettings).values({ key, value }).onConflictDoNothing({ target: appSettings.key });
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  if (!row) throw new Error(`app setting ${key} vanished after insert`);
  return row.value;
}
