import { checkDatabase } from "@/server/services/health/check-database";
import { getDb } from "@/db/client";

export async function GET(): Promise<Response> {
  try {
    await checkDatabase(await getDb());
    return Response.json({ status: "ready" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}

export const dynamic = "force-dynamic";
