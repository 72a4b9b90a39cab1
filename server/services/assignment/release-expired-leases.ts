import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items } from "@/db/schema";

/**
 * Marks leases past their expiry as expired and gives their slots back to the items. Runs at
 * the start of each claim, bounded, and skips leases another transaction holds (a submit in
 * flight decides those itself), so it never waits on a lease lock. Probe leases expire too but
 * never held a slot, so they give nothing back.
 *
 * The item rows are locked in id order before they are updated: two claims releasing leases of
 * the same items at once would otherwise lock them in whatever order their joins produced, and
 * could deadlock.
 */
export async function releaseExpiredLeases(
  db: Db,
  params: { campaignId: string; limit?: number },
): Promise<number> {
  const expired = (await db.execute(expireLeasesSql(params.campaignId, params.limit))) as unknown as {
    rows: { item_id: string; purpose: string }[];
  };
  return giveBackSlots(db, expired.rows.filter((r) => r.purpose === "regular").map((r) => r.item_id));
}

/**
 * The statement that marks up to `limit` lapsed leases of a campaign expired, skipping locked
 * ones, returning (item_id, purpose) of each; the claim statement runs it as a CTE.
 */
export function expireLeasesSql(campaignId: string, limit = 100): SQL {
  return sql`
    update assignments set status = 'expired'
    where id in (
      select id from assignments
      where campaign_id = ${campaignId} and status = 'leased' and expires_at < now()
      limit ${limit}
      for update skip locked
    )
    returning item_id, purpose`;
}

/** Gives one slot back per entry (an item appears once per expired regular lease). */
export async function giveBackSlots(db: Db, itemIds: readonly string[]): Promise<number> {
  const freed = new Map<string, number>();
  for (const id of itemIds) freed.set(id, (freed.get(id) ?? 0) + 1);
  if (freed.size === 0) return 0;

  const ids = [...freed.keys()].sort();
  await db.select({ id: items.id }).from(items).where(inArray(items.id, ids)).orderBy(asc(items.id)).for("update");
  for (const id of ids) {
    await db
      .update(items)
      .set({ openSlots: sql`${items.openSlots} + ${freed.get(id) ?? 0}` })
      .where(eq(items.id, id));
  }
  return itemIds.length;
}
