import { asc, eq, inArray, sql } from "drizzle-orm";
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
  const expired = (await db.execute(sql`
    update assignments set status = 'expired'
    where id in (
      select id from assignments
      where campaign_id = ${params.campaignId} and status = 'leased' and expires_at < now()
      limit ${params.limit ?? 100}
      for update skip locked
    )
    returning item_id, purpose
  `)) as unknown as { rows: { item_id: string; purpose: string }[] };

  const freed = new Map<string, number>();
  for (const row of expired.rows) {
    if (row.purpose === "regular") freed.set(row.item_id, (freed.get(row.item_id) ?? 0) + 1);
  }
  if (freed.size === 0) return 0;

  const ids = [...freed.keys()].sort();
  await db.select({ id: items.id }).from(items).where(inArray(items.id, ids)).orderBy(asc(items.id)).for("update");
  for (const id of ids) {
    await db
      .update(items)
      .set({ openSlots: sql`${items.openSlots} + ${freed.get(id) ?? 0}` })
      .where(eq(items.id, id));
  }
  return [...freed.values()].reduce((sum, n) => sum + n, 0);
}
