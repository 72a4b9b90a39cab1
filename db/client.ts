import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { env } from "@/server/env";
import * as relations from "./relations";
import * as tables from "./schema";

export const schema = { ...tables, ...relations };
export type Schema = typeof schema;

/**
 * What services take as `db`: the common base of the node-postgres and PGlite databases and
 * of their transactions, so a transaction or a test database drops in anywhere.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Driver = "pg" | "pglite";

export interface DatabaseHandle {
  db: Db;
  driver: Driver;
  /** The raw client, for the migrator and for tests that need it. */
  client: { kind: "pg"; pool: Pool } | { kind: "pglite"; pglite: PGlite };
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for a throwaway database. */
  pgliteDir?: string;
  poolMax?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options.pgliteDir ?? env().PGLITE_DIR);
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const config = env();
  const statementTimeout = options.statementTimeoutMs ?? config.DATABASE_STATEMENT_TIMEOUT_MS;
  const lockTimeout = options.lockTimeoutMs ?? config.DATABASE_LOCK_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: options.poolMax ?? config.DATABASE_POOL_MAX,
    connectionTimeoutMillis: options.connectTimeoutMs ?? config.DATABASE_CONNECT_TIMEOUT_MS,
    // Notice a dead server (failover, cable) on idle sockets instead of on the next query.
    keepAlive: true,
    // A stuck lock or runaway query fails the request instead of hanging it (DESIGN §11), set
    // on every connection as it opens.
    options: [
      `-c statement_timeout=${statementTimeout}`,
      `-c lock_timeout=${lockTimeout}`,
      `-c idle_in_transaction_session_timeout=${statementTimeout * 2}`,
    ].join(" "),
    // The client-side bound for a server that stopped answering without closing the socket.
    query_timeout: statementTimeout + 5_000,
  });
  // An idle client losing its connection (e.g. a Postgres restart) must not crash the process;
  // the pool drops it and opens a fresh one on the next checkout, so nothing broken is cached.
  pool.on("error", (error) => {
    console.error(`[db] idle client error: ${error.message}`);
  });
  const db = drizzle(pool, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pg", client: { kind: "pg", pool }, close: () => pool.end() };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dir.startsWith("memory://")) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(dir, { recursive: true });
  }
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  const db = drizzle(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", client: { kind: "pglite", pglite }, close: () => pglite.close() };
}

const globalForDb = globalThis as unknown as { arbiterDb?: Promise<DatabaseHandle> };

/**
 * The process-wide database, opened on first use (never at import time: build workers import
 * route modules). A failed open is not cached, so the next request tries again.
 */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.arbiterDb) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = env();
    const opening = openDatabase({ url: DATABASE_URL, poolMax: DATABASE_POOL_MAX });
    globalForDb.arbiterDb = opening;
    opening.catch(() => {
      if (globalForDb.arbiterDb === opening) globalForDb.arbiterDb = undefined;
    });
  }
  return globalForDb.arbiterDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
