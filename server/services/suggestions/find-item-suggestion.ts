import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ShownSuggestion } from "@/server/domain/suggestion";
import { jsonColumn } from "@/server/services/json-column";

/**
 * The suggestion an item has (DESIGN §15): the verdict of the newest judge job that judged the
 * item, when it survived the swap of display orders. An inconsistent verdict, or one still
 * missing an order (the job is running, or one order's reply was not a verdict), gives no
 * suggestion — an older job's verdict does not stand in for the newest judge's.
 */
export async function findItemSuggestion(db: Db, params: { itemId: string }): Promise<ShownSuggestion | null> {
  const result = (await db.execute(sql`select ${itemSuggestionJson(sql`${params.itemId}::uuid`)} as suggestion`)) as unknown as {
    rows: { suggestion: unknown }[];
  };
  return parseSuggestion(result.rows[0]?.suggestion);
}

/**
 * The item's suggestion as a jsonb scalar subquery (null when it has none), for statements
 * that need it inline. Reads the item's few suggestion rows through suggestions_item_id_idx
 * and their jobs by primary key: its cost does not grow with the campaign.
 */
export function itemSuggestionJson(itemId: SQL): SQL {
  return sql`(
    select jsonb_build_object('id', s.id, 'judge', s.judge, 'payload', s.payload)
    from suggestions s
    where s.item_id = ${itemId} and s.consistent and s.job_id = (
      select newest.job_id from suggestions newest join jobs j on j.id = newest.job_id
      where newest.item_id = ${itemId}
      order by j.created_at desc, j.id desc
      limit 1
    )
    order by s.order_index
    limit 1
  )`;
}

/** A suggestion as raw SQL reads it (see jsonColumn), or null when it is not one. */
export function parseSuggestion(value: unknown): ShownSuggestion | null {
  const parsed = jsonColumn(value);
  if (typeof parsed !== "object" || parsed === null) return null;
  const s = parsed as Partial<ShownSuggestion>;
  return typeof s.id === "string" && typeof s.judge === "string" && s.payload ? (s as ShownSuggestion) : null;
}
