import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export interface ProbeCandidate {
  itemId: string;
  /** The order the annotator first saw; the probe shows it reversed. */
  displayOrder: string[];
}

/**
 * A consistency probe (DESIGN §6): an item this annotator already judged, not probed before, and
 * not the task they just finished (a probe right after the original tests short-term memory,
 * not consistency). Reads only the annotator's own assignments in this campaign, through
 * assignments_annotator_id_campaign_id_status_idx, so its cost follows their history, never the
 * campaign's size.
 */
export async function pickProbeItem(
  db: Db,
  params: { campaignId: string; annotatorId: string },
): Promise<ProbeCandidate | null> {
  const result = (await db.execute(sql`
    with mine as (
      select item_id, purpose, status, completed_at, display_order
      from assignments
      where annotator_id = ${params.annotatorId} and campaign_id = ${params.campaignId}
    ), latest as (
      select item_id from mine where completed_at is not null order by completed_at desc limit 1
    )
    select item_id, display_order from mine
    where purpose = 'regular' and status = 'submitted'
      and item_id not in (select item_id from mine where purpose = 'probe')
      and item_id not in (select item_id from latest)
    order by random()
    limit 1
  `)) as unknown as { rows: { item_id: string; display_order: string[] }[] };
  const row = result.rows[0];
  return row ? { itemId: row.item_id, displayOrder: row.display_order } : null;
}
