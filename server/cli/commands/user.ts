import type { Command } from "commander";
import { USER_ROLES } from "@/db/schema";
import { createUser } from "@/server/services/users/create-user";
import { withDatabase } from "../with-database";

export function registerUser(program: Command): void {
  const user = program.command("user").description("Manage user accounts");
  user
    .command("create")
    .description("Create a user; without --password one is generated and printed once")
    .requiredOption("--email <email>", "the user's email address")
    .requiredOption("--role <role>", `one of: ${USER_ROLES.join(", ")}`)
    .option("--password <password>", "at least 8 characters")
    .option("--name <name>", "display name")
    .action(async (options: { email: string; role: string; password?: string; name?: string }) => {
      const created = await withDatabase(({ db }) =>
        createUser(db, {
          email: options.email,
          role: options.role as (typeof USER_ROLES)[number],
          password: options.password,
          name: options.name,
        }),
      );
      process.stdout.write(`Created ${created.user.role} ${created.user.email} (${created.user.id}).\n`);
      if (created.generatedPassword) {
        process.stdout.write(`Password (shown once): ${created.generatedPassword}\n`);
      }
    });
}
