import type { Command } from "commander";
import { resetSessionSecret } from "@/server/services/settings/reset-session-secret";
import { withDatabase } from "../with-database";

export function registerSessionSecret(program: Command): void {
  const secret = program.command("session-secret").description("The secret that signs sessions on every instance");
  secret
    .command("reset")
    .description(
      "After rotating NEXTAUTH_SECRET on purpose: forget the recorded secret so the next instance to start records its own (every session ends)",
    )
    .action(async () => {
      await withDatabase(({ db }) => resetSessionSecret(db));
      process.stdout.write("Session secret forgotten; restart every instance with the new NEXTAUTH_SECRET.\n");
    });
}
