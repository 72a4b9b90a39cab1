import type { Command } from "commander";
import { runWorker } from "@/server/services/jobs/run-worker";
import { checkSecretKey } from "@/server/services/models/check-secret-key";
import { withDatabase } from "../with-database";

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("Run background jobs (generation, judges) until stopped; any number may run beside the app")
    .option("--max-in-flight <n>", "requests in flight at once from this worker", "16")
    .action(async (options: { maxInFlight: string }) => {
      const maxInFlight = Number(options.maxInFlight);
      if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error("--max-in-flight must be a positive integer");
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        await withDatabase(async ({ db }) => {
          await checkSecretKey(db);
          process.stderr.write("Worker running; Ctrl-C stops it (tasks in flight are handed back).\n");
          await runWorker(db, { signal: stop.signal, maxInFlight });
        });
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}
