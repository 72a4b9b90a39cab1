import { getDb } from "@/db/client";
import { configuredAuthSecret } from "@/server/env";
import { resolveSessionSecret } from "@/server/services/settings/resolve-session-secret";

const globalForSecret = globalThis as unknown as { arbiterSessionSecret?: Promise<string> };

/**
 * The session secret of this process, resolved once against the database (and checked
 * against the fingerprint the other instances recorded). A failed resolution — the database
 * away at start — is not cached, so the next request tries again.
 */
export function sessionSecret(): Promise<string> {
  if (!globalForSecret.arbiterSessionSecret) {
    const resolving = getDb().then((db) => resolveSessionSecret(db, { configured: configuredAuthSecret() }));
    globalForSecret.arbiterSessionSecret = resolving;
    resolving.catch(() => {
      if (globalForSecret.arbiterSessionSecret === resolving) globalForSecret.arbiterSessionSecret = undefined;
    });
  }
  return globalForSecret.arbiterSessionSecret;
}
