import { getDb, type Db } from "@/db/client";
import { configuredAuthSecret } from "@/server/env";
import { resolveSessionSecret } from "@/server/services/settings/resolve-session-secret";

const resolved = new WeakMap<object, Promise<string>>();

/**
 * The session secret for a database (the process's own unless one is passed), resolved once
 * and checked against the fingerprint the other instances recorded. A failed resolution — the
 * database away at start — is not cached, so the next request tries again.
 */
export async function sessionSecret(db?: Db): Promise<string> {
  const database = db ?? (await getDb());
  const known = resolved.get(database);
  if (known) return known;
  const resolving = resolveSessionSecret(database, { configured: configuredAuthSecret() });
  resolved.set(database, resolving);
  resolving.catch(() => {
    if (resolved.get(database) === resolving) resolved.delete(database);
  });
  return resolving;
}
