import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { childProcessEnv, configuredAuthSecret, env } from "@/server/env";
import { resolveSessionSecret } from "@/server/services/settings/resolve-session-secret";
import { loadOrCreateSecret } from "../app-secret";
import { buildIsStale, nextBin, runNextBuild } from "../next-build";
import { withDatabase } from "../with-database";
import { printSeedResult, seedFromEnv } from "./seed";

const root = fileURLToPath(new URL("../../..", import.meta.url));

interface StartOptions {
  port: string;
  hostname: string;
  build: boolean;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("Build if needed, migrate, seed a first run, and serve the app (what `npm start` runs)")
    .option("-p, --port <port>", "port to listen on", String(env().PORT))
    .option("-H, --hostname <host>", "interface to bind", "0.0.0.0")
    .option("--no-build", "serve the existing build without checking it")
    .action(async (options: StartOptions) => {
      const config = env();
      const url = config.NEXTAUTH_URL ?? `http://localhost:${options.port}`;
      // The key that encrypts model API keys: from the environment, else kept beside the data.
      const secretKey =
        config.ARBITER_SECRET_KEY || (await loadOrCreateSecret(path.resolve(root, config.ARBITER_DATA_DIR), "secret-key"));
      const childEnv = childProcessEnv({
        NODE_ENV: "production",
        ARBITER_SECRET_KEY: secretKey,
        NEXTAUTH_URL: url,
        NEXT_TELEMETRY_DISABLED: "1",
      });

      if (options.build && (await buildIsStale(root))) {
        process.stdout.write("Building the app (first start or changed sources)…\n");
        await runNextBuild(root, childEnv);
      }
      // Migrate and seed, then release the database before the server opens it (PGlite is one process).
      const seeded = await withDatabase(async ({ db, driver }) => {
        process.stdout.write(`Database: ${driver === "pg" ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${config.PGLITE_DIR}`}\n`);
        // Without NEXTAUTH_SECRET every instance shares one generated in the database; a
        // secret that differs from the other instances' stops the start here, with the reason.
        await resolveSessionSecret(db, { configured: configuredAuthSecret() });
        return seedFromEnv(db, url);
      });
      printSeedResult(seeded);
      process.stdout.write(`Arbiter is starting on ${url}\n`);
      await serve(options, childEnv);
    });
}

function serve(options: StartOptions, childEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [nextBin(root), "start", "-p", options.port, "-H", options.hostname],
      { cwd: root, env: childEnv, stdio: "inherit" },
    );
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.on("exit", (code, signal) => {
      process.exitCode = code ?? (signal ? 0 : 1);
      resolve();
    });
  });
}
