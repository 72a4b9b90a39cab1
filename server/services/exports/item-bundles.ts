import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { EXPORTABLE_ITEM, loadItemPage, type ItemBundle, type ItemPage, type ItemWalk } from "./item-page";

export type { BundledJudgement, ItemBundle, ItemWalk, JudgeWalk } from "./item-page";

/** Pages being loaded at once: the database works on several while the writer consumes one. */
const PAGES_IN_FLIGHT = 3;

/**
 * Every item of a campaign with its live judgements as of the snapshot, in import order, a
 * page at a time. Aggregation needs all judgements of an item together, so the walk is over
 * items (keyset on items.seq) and each page is one query: memory holds a few pages, whatever
 * the campaign's size, and no transaction stays open between pages. Pages rather than single
 * bundles are yielded so that consumers pay the cost of an async step once per page.
 *
 * A cheap walk of the (campaign_id, seq) index finds where each page ends, so the next pages are loaded (on
 * other connections of the pool) while the current one is written: a single page query at a
 * time left the database's other cores and the writer waiting on each other.
 */
export async function* iterateItemBundles(db: Db, walk: ItemWalk): AsyncGenerator<ItemBundle[]> {
  const pageSize = walk.pageSize ?? 1000;
  const queue: { page: Promise<ItemPage>; bounded: boolean }[] = [];
  // Where the next page to schedule starts; null once the last page is scheduled.
  let after: number | null = 0;
  const schedule = async (from: number): Promise<void> => {
    const upTo = await pageEnd(db, { ...walk, after: from, pageSize });
    after = upTo;
    const page = loadItemPage(db, { ...walk, after: from, upTo, pageSize });
    // If the consumer stops early, a failure of the page nobody awaits must not crash the process.
    page.catch(() => undefined);
    queue.push({ page, bounded: upTo !== null });
  };
  while (after !== null && queue.length < PAGES_IN_FLIGHT) await schedule(after);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const page = await next.page;
    // Items imported since the walk began may follow the last page: keep walking then.
    if (!next.bounded && page.lastSeq !== null && page.bundles.length === pageSize) {
      after = page.lastSeq;
    }
    if (after !== null) await schedule(after);
    if (page.bundles.length) yield page.bundles;
  }
}

/** The seq of the last item of the page after `after`; null when fewer items remain. */
async function pageEnd(db: Db, params: ItemWalk & { after: number; pageSize: number }) {
  const result = (await db.execute(sql`
    select i.seq from items i
    where i.campaign_id = ${params.campaignId} and i.seq > ${params.after}
      and i.kind = any(${sql.param([...params.kinds])}::text[]) and ${EXPORTABLE_ITEM}
    order by i.seq
    offset ${params.pageSize - 1} limit 1`)) as unknown as { rows: { seq: string | number }[] };
  const last = result.rows[0];
  return last === undefined ? null : Number(last.seq);
}
