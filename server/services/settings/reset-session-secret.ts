import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appSettings } from "@/db/schema";
import { SESSION_SECRET_KEYS } from "./resolve-session-secret";

/**
 * Forgets the generated session secret and the recorded fingerprint, after a deliberate
 * rotation: the next instance to start records its own secret, and every session ends.
 */
export async function resetSessionSecret(db: Db): Promise<void> {
  await db.delete(appSettings).where(inArray(appSettings.key, SESSION_SECRET_KEYS));
}
