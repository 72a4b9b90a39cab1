import type { Command } from "commander";
import { createApiToken } from "@/server/services/users/create-api-token";
import { getUserByEmail } from "@/server/services/users/get-user-by-email";
import { withDatabase } from "../with-database";

export function registerToken(program: Command): void {
  const token = program.command("token").description("Manage API tokens");
  token
    .command("create")
    .description(
      "Create an API token for a user and print only the token (TOKEN=$(arbiter token create …))",
    )
    .requiredOption("--email <email>", "the user the token acts as, with that user's role")
    .option("--name <name>", "a name to tell tokens apart", "cli")
    .action(async (options: { email: string; name: string }) => {
      const created = await withDatabase(async ({ db }) => {
        const user = await getUserByEmail(db, { email: options.email });
        return createApiToken(db, { userId: user.id, input: { name: options.name } });
      });
      process.stdout.write(`${created.token}\n`);
    });
}
