/**
 * The e2e web server: a fresh database for this run, migrated and seeded with the e2e admin,
 * then the built app via `next start`. On SIGTERM it stops the app and drops the database.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { nextBin } from "@/server/cli/next-build";
import { seedFirstRun } from "@/server/services/seed/seed-first-run";
import { replaceDatabase } from "../fixtures/test-database";

const port = process.env.E2E_PORT ?? "3100";
const serverUrl = process.env.DATABASE_URL;
const root = process.cwd();

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbName = `arbiter_e2e_${randomBytes(5).toString("hex")}`;
const pgliteDir = serverUrl ? undefined : await mkdtemp(path.join(tmpdir(), "arbiter-e2e-"));
const url = serverUrl ? replaceDatabase(serverUrl, dbName) : undefined;
if (serverUrl) await admin(`create database ${dbName}`);

const handle = await openDatabase({ url, pgliteDir });
await migrateDatabase(handle);
await seedFirstRun(handle.db, {
  adminEmail: process.env.ARBITER_ADMIN_EMAIL ?? "e2e-admin@example.test",
  adminPassword: process.env.ARBITER_ADMIN_PASSWORD,
  baseUrl: `http://localhost:${port}`,
});
await handle.close();

const child = spawn(process.execPath, [nextBin(root), "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    ARBITER_SECRET_KEY: randomBytes(32).toString("base64"),
    ...(url ? { DATABASE_URL: url } : { PGLITE_DIR: pgliteDir }),
  },
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  if (serverUrl) await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
  if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
child.on("exit", () => void stop());
