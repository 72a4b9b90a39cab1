import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { runWorker } from "@/server/services/jobs/run-worker";
import { checkSecretKey } from "@/server/services/models/check-secret-key";

const globalForWorker = globalThis as unknown as { arbiterWorker?: AbortController };

/**
 * Every app instance runs a job worker beside its web server (DESIGN §15), unless
 * ARBITER_WORKER=off. Called from instrumentation's register(): first the start-up check of the
 * secret key, which stops the server if stored API keys could not be read.
 */
export async function startAppWorker(): Promise<void> {
  const config = env();
  if (config.NEXT_PHASE === "phase-production-build" || globalForWorker.arbiterWorker) return;
  const db = await getDb();
  await checkSecretKey(db);
  if (config.ARBITER_WORKER === "off") return;
  const stop = new AbortController();
  globalForWorker.arbiterWorker = stop;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
  runWorker(db, { signal: stop.signal }).catch((error: unknown) => {
    console.error(`[worker] stopped: ${error instanceof Error ? error.message : String(error)}`);
  });
}
