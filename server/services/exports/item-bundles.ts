import type { Db } from "@/db/client";
import { loadItemPage, type ItemBundle, type ItemPage, type ItemWalk } from "./item-page";

export type { BundledJudgement, ItemBundle, ItemWalk } from "./item-page";

/**
 * Every item of a campaign with its live judgements as of the snapshot, item by item in
 * import order. Aggregation needs all judgements of an item together, so the walk is over
 * items (keyset on items.seq) and each page loads its items' judgements in one query: memory
 * holds two pages, whatever the campaign's size, and no transaction stays open between pages.
 *
 * The next page is fetched while the current one is consumed, so the database and the
 * writer work at the same time instead of taking turns.
 */
export async function* iterateItemBundles(db: Db, walk: ItemWalk): AsyncGenerator<ItemBundle> {
  const pageSize = walk.pageSize ?? 1000;
  const fetch = (after: number): Promise<ItemPage> => {
    const pending = loadItemPage(db, { ...walk, after, pageSize });
    // If the consumer stops early, a failure of the page nobody awaits must not crash the process.
    pending.catch(() => undefined);
    return pending;
  };
  let next: Promise<ItemPage> | null = fetch(0);
  while (next) {
    const page: ItemPage = await next;
    next = page.lastSeq !== null && page.bundles.length === pageSize ? fetch(page.lastSeq) : null;
    yield* page.bundles;
  }
}
