import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/server/env";

/** Set by tests (`setCliDatabase`): commands then run on that open database and leave it open. */
let injected: DatabaseHandle | undefined;

export function setCliDatabase(handle: DatabaseHandle | undefined): void {
  injected = handle;
}

/**
 * Opens the database the app uses (DATABASE_URL or PGlite), migrated, for one command, and
 * always closes it: PGlite must be released before the app server opens the same directory.
 */
export async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  if (injected) return fn(injected);
  const handle = await openDatabase({ url: env().DATABASE_URL, poolMax: 4 });
  try {
    await migrateDatabase(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
