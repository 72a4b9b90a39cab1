import { SessionSecretMismatchError } from "@/server/services/settings/resolve-session-secret";
import { sessionSecret } from "./secret";

/**
 * Run once when the server starts (instrumentation.ts): an instance whose session secret
 * differs from the one the database has recorded stops here, loudly, instead of serving and
 * silently signing users out of the other instances. A database that is not reachable yet
 * only postpones the check to the first request (and /api/ready stays 503 until it passes).
 */
export async function checkSecretAtStart(): Promise<void> {
  try {
    await sessionSecret();
  } catch (error) {
    if (error instanceof SessionSecretMismatchError) {
      console.error(`[arbiter] refusing to start: ${error.message}`);
      process.exit(1);
    }
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(`[arbiter] could not check the session secret at start (${reason}); checking on first use`);
  }
}
