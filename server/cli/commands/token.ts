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
    .option("--expires-days <days>", "days until the token stops working (default: until revoked)")
    .action(async (options: { email: string; name: string; expiresDays?: string }) => {
      const expiresInDays = options.expiresDays === undefined ? undefined : Number(options.expiresDays);
      const created = await withDatabase(async ({ db }) => {
        const user = await getUserByEmail(db, { email: options.email });
        return createApiToken(db, { userId: user.id, input: { name: options.name, expiresInDays } });
      });
      process.stdout.write(`${created.token}\n`);
    });
}
