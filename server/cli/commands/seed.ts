import type { Command } from "commander";
import { env } from "@/server/env";
import { seedFirstRun, type FirstRunResult } from "@/server/services/seed/seed-first-run";
import { withDatabase } from "../with-database";

export const DEFAULT_ADMIN_EMAIL = "admin@arbiter.local";

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .description("On an empty database, create the admin account and the demo campaigns")
    .action(async () => {
      const result = await withDatabase(({ db }) => seedFromEnv(db));
      printSeedResult(result);
    });
}

/** `baseUrl` is the address the app will serve on (the demo's images come from it). */
export function seedFromEnv(db: Parameters<typeof seedFirstRun>[0], baseUrl?: string): Promise<FirstRunResult> {
  const { ARBITER_ADMIN_EMAIL, ARBITER_ADMIN_PASSWORD, NEXTAUTH_URL, PORT } = env();
  return seedFirstRun(db, {
    adminEmail: ARBITER_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL,
    adminPassword: ARBITER_ADMIN_PASSWORD,
    baseUrl: baseUrl ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`,
  });
}

export function printSeedResult(result: FirstRunResult): void {
  if (!result.seeded) {
    process.stdout.write("Database already set up: nothing seeded.\n");
    return;
  }
  const password = result.generatedPassword
    ? `${result.generatedPassword}   (generated; shown this once — note it down)`
    : "(from ARBITER_ADMIN_PASSWORD)";
  process.stdout.write(
    [
      "",
      "  Admin login",
      `    email:    ${result.adminEmail}`,
      `    password: ${password}`,
      "  Three demo campaigns (pairwise, ranking, rating) are ready.",
      "",
    ].join("\n") + "\n",
  );
}
