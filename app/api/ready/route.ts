import { getDb } from "@/db/client";
import { sessionSecret } from "@/server/auth/secret";
import { RETRY_AFTER_SECONDS } from "@/server/errors";
import { checkDatabase } from "@/server/services/health/check-database";

/**
 * Readiness: the database answers and this instance signs sessions with the same secret as
 * the others. Nothing is cached, so it turns 200 again by itself once the database is back.
 */
export async function GET(): Promise<Response> {
  try {
    await checkDatabase(await getDb());
    await sessionSecret();
    return Response.json({ status: "ready" });
  } catch {
    return Response.json(
      { status: "unavailable" },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
}

export const dynamic = "force-dynamic";
