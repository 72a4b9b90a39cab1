import type { Command } from "commander";
import { withDatabase } from "../with-database";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("Apply the database migrations (idempotent)")
    .action(async () => {
      const driver = await withDatabase(async (handle) => handle.driver);
      process.stdout.write(`Migrations applied (${driver === "pg" ? "PostgreSQL" : "PGlite"}).\n`);
    });
}
