import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const CHUNK = 20_000;

/** Items and their two responses straight from generate_series, in chunks under the statement timeout. */
export async function bulkInsertItems(db: Db, campaignId: string, count: number): Promise<void> {
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await db.execute(sql`
      with new_items as (
        insert into items (campaign_id, external_id, prompt, prompt_format, open_slots)
        select ${campaignId}, 'item-' || g,
          jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'Question ' || g || ': which answer is better?')),
          'text', 3
        from generate_series(${from}::int, ${to}::int) as g
        returning id, external_id
      )
      insert into responses (item_id, external_id, position, model, content)
      select n.id, r.ext, r.pos, r.model, 'Response ' || r.ext || ' to ' || n.external_id
      from new_items n cross join (values ('a', 0, 'model-x'), ('b', 1, 'model-y')) as r(ext, pos, model)
    `);
  }
}
