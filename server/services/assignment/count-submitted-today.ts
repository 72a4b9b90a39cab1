import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments } from "@/db/schema";

/** Tasks finished since midnight (server time), probes included: the cap is on work, not items. */
export async function countSubmittedToday(
  db: Db,
  params: { campaignId: string; annotatorId: string },
): Promise<number> {
  const [today] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assignments)
    .where(
      and(
        eq(assignments.annotatorId, params.annotatorId),
        eq(assignments.campaignId, params.campaignId),
        eq(assignments.status, "submitted"),
        gte(assignments.completedAt, sql`date_trunc('day', now())`),
      ),
    );
  return Number(today?.n ?? 0);
}
