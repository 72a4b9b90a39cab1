import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/server/env";

/**
 * Opens the database the app uses (DATABASE_URL or PGlite), migrated, for one command, and
 * always closes it: PGlite must be released before the app server opens the same directory.
 */
export async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: env().DATABASE_URL, poolMax: 4 });
  try {
    await migrateDatabase(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
