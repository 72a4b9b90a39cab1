import type { Command } from "commander";
import { USER_ROLES, type UserRole } from "@/db/schema";
import { AppError } from "@/server/errors";
import { appOrigin } from "@/server/http/app-origin";
import { adminCreateUser } from "@/server/services/users/admin-create-user";
import { createPasswordReset } from "@/server/services/users/create-password-reset";
import { getUserByEmail } from "@/server/services/users/get-user-by-email";
import { listUsers } from "@/server/services/users/list-users";
import { updateUser } from "@/server/services/users/update-user";
import type { UpdateUserInput } from "@/server/services/users/user-admin-inputs";
import { withDatabase } from "../with-database";

const print = (line: string) => process.stdout.write(`${line}\n`);

function parseRole(value: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(value)) {
    throw new AppError("BAD_REQUEST", `Role must be one of: ${USER_ROLES.join(", ")}`);
  }
  return value as UserRole;
}

/** Finds the account by email (disabled ones too) and applies the change as the operator. */
async function change(email: string, input: UpdateUserInput) {
  return withDatabase(async ({ db }) => {
    const user = await getUserByEmail(db, { email, allowDisabled: true });
    return updateUser(db, { userId: user.id, actorId: null, input });
  });
}

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
        adminCreateUser(db, {
          input: {
            email: options.email,
            role: options.role as UserRole,
            password: options.password,
            name: options.name,
          },
          actorId: null,
        }),
      );
      print(`Created ${created.user.role} ${created.user.email} (${created.user.id}).`);
      if (created.generatedPassword) print(`Password (shown once): ${created.generatedPassword}`);
    });

  user
    .command("list")
    .description("List accounts: email, role, status, last sign-in")
    .option("--search <text>", "part of an email or name")
    .action(async (options: { search?: string }) => {
      const rows = await withDatabase(({ db }) => listUsers(db, { search: options.search, limit: 500 }));
      for (const u of rows) {
        const lastSignIn = u.lastSignInAt ? u.lastSignInAt.toISOString() : "never";
        print(
          [u.email, u.role, u.disabled ? "disabled" : "active", lastSignIn, u.id].join("\t"),
        );
      }
    });

  user
    .command("disable <email>")
    .description("Disable an account: every session ends and every API token is revoked")
    .action(async (email: string) => {
      const updated = await change(email, { disabled: true });
      print(`Disabled ${updated.email}; its sessions ended and its tokens are revoked.`);
    });

  user
    .command("enable <email>")
    .description("Enable a disabled account (old sessions and tokens stay ended)")
    .action(async (email: string) => {
      const updated = await change(email, { disabled: false });
      print(`Enabled ${updated.email}.`);
    });

  user
    .command("set-role <email> <role>")
    .description(`Change an account's role (${USER_ROLES.join(", ")}); its sessions end`)
    .action(async (email: string, role: string) => {
      const updated = await change(email, { role: parseRole(role) });
      print(`${updated.email} is now ${updated.role}.`);
    });

  user
    .command("reset-password <email>")
    .description("Print a single-use, expiring link that sets a new password")
    .option("--url <origin>", "the app's public address (default: NEXTAUTH_URL)")
    .action(async (email: string, options: { url?: string }) => {
      const link = await withDatabase(async ({ db }) => {
        const found = await getUserByEmail(db, { email, allowDisabled: true });
        return createPasswordReset(db, { userId: found.id, actorId: null });
      });
      const origin = options.url ? new URL(options.url).origin : appOrigin(null);
      print(`${origin}${link.path}`);
      process.stderr.write(`Works once, until ${link.expiresAt.toISOString()}.\n`);
    });
}
