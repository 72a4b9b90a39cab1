import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items } from "@/db/schema";

export interface IdentityLeakCounts {
  /** Items with a response that matched the list: held + warned + released. */
  flagged: number;
  held: number;
  warned: number;
  released: number;
}

/**
 * The identity-leak guard's numbers for a campaign (the stats and the review list). Reads only
 * flagged items, through items_campaign_id_flagged_idx.
 */
export async function countIdentityLeaks(db: Db, params: { campaignId: string }): Promise<IdentityLeakCounts> {
  const n = (status: string) => sql<number>`(count(*) filter (where ${items.leakStatus} = ${status}))::int`;
  const [row] = await db
    .select({ flagged: sql<number>`count(*)::int`, held: n("held"), warned: n("warned"), released: n("released") })
    .from(items)
    .where(and(eq(items.campaignId, params.campaignId), sql`${items.leakStatus} <> 'clean'`));
  return {
    flagged: Number(row?.flagged ?? 0),
    held: Number(row?.held ?? 0),
    warned: Number(row?.warned ?? 0),
    released: Number(row?.released ?? 0),
  };
}
