import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Marks leases past their expiry as expired and gives their slots back to the items. Runs at
 * the start of each claim, bounded, and skips leases another transaction holds (a submit in
 * flight decides those itself), so it never waits on a lock.
 */
export async function releaseExpiredLeases(
  db: Db,
  params: { campaignId: string; limit?: number },
): Promise<number> {
  const result = (await db.execute(sql`
    with expired as (
      update assignments set status = 'expired'
      where id in (
        select id from assignments
        where campaign_id = ${params.campaignId} and status = 'leased' and expires_at < now()
        limit ${params.limit ?? 100}
        for update skip locked
      )
      returning item_id
    ), freed as (
      select item_id, count(*)::int as n from expired group by item_id
    ), updated as (
      update items set open_slots = items.open_slots + freed.n
      from freed where items.id = freed.item_id
      returning freed.n
    )
    select coalesce(sum(n), 0)::int as released from updated
  `)) as unknown as { rows: { released: number }[] };
  return Number(result.rows[0]?.released ?? 0);
}
