import { Command, CommanderError } from "commander";
import { ZodError } from "zod";
import { AppError } from "@/server/errors";
import { limitHeapGrowth } from "@/server/heap-growth";
import { registerMigrate } from "./commands/migrate";
import { registerSeed } from "./commands/seed";
import { registerSessionSecret } from "./commands/session-secret";
import { registerStart } from "./commands/start";
import { registerCampaign } from "./commands/campaign";
import { registerExport } from "./commands/export";
import { registerGenerate } from "./commands/generate";
import { registerImport } from "./commands/import";
import { registerJudge } from "./commands/judge";
import { registerStats } from "./commands/stats";
import { registerToken } from "./commands/token";
import { registerUser } from "./commands/user";
import { registerWorker } from "./commands/worker";

export function buildProgram(): Command {
  const program = new Command()
    .name("arbiter")
    .description("Arbiter: collect human preference data for RLHF. Uses DATABASE_URL, or the embedded PGlite database.")
    .showHelpAfterError()
    .exitOverride();
  registerStart(program);
  registerMigrate(program);
  registerSeed(program);
  registerUser(program);
  registerToken(program);
  registerCampaign(program);
  registerImport(program);
  registerExport(program);
  registerStats(program);
  registerSessionSecret(program);
  registerGenerate(program);
  registerJudge(program);
  registerWorker(program);
  return program;
}

/** Runs the CLI; errors become one clear line on stderr and a non-zero exit code. */
export async function main(argv: string[]): Promise<void> {
  // The CLI exports and imports whole datasets: the same heap sizing as the server.
  limitHeapGrowth();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`arbiter: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof ZodError) {
    return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  }
  return error instanceof Error ? error.message : String(error);
}
