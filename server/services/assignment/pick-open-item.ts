import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items } from "@/db/schema";

/**
 * The claim's candidate query (DESIGN §6): an item with an open slot that this annotator has
 * never been assigned, the one closest to completion, ties broken by the random key fixed at
 * import, row-locked. The claim statement (claim-statement.ts) runs it as its first CTE.
 *
 * The query walks the partial index items_campaign_id_open_idx in its own order and stops at the
 * first row that passes, so its cost does not grow with the campaign (§12 P6). The literal
 * `open_slots > 0` (not a bound parameter) lets the planner match the index predicate.
 *
 * With skipLocked, concurrent claimers do not queue behind each other; when every candidate is
 * locked by a claim in flight that is not "done", and the claim repeats it without skipLocked,
 * waiting for the locks (Postgres re-checks each row once its holder commits).
 */
export interface OpenItemParams {
  campaignId: string;
  annotatorId: string;
  gold: boolean;
  /**
   * A condition under which nothing is picked (the claim statement passes "a live lease is
   * held"). Uncorrelated, so Postgres checks it once before walking the index, not per row.
   */
  unless?: SQL;
}

/**
 * Exported on its own so the claim-scaling benchmark can EXPLAIN exactly what runs.
 * `desc nulls last` is not decoration: the index was declared with drizzle's `.desc()`, which Postgres stores as DESC NULLS LAST, while a bare `desc` means NULLS FIRST; with the
 * mismatch the planner cannot walk the index in order and sorts every open item instead.
 * `offset 0` keeps the "not assigned to me" check a per-row probe of
 * assignments_item_id_annotator_id_key: without it Postgres may turn it into an anti-join that
 * reads every assignment of the annotator, or (on stale statistics) the whole index.
 */
/**
 * Items a claim may hand out: a slot open, no prompt still waiting for generated responses, not
 * held by the identity-leak guard for an admin's review. The queue's partial index
 * (db/schema/items.ts) has the same predicate, so the claim walks it.
 */
export const SERVABLE_ITEM = sql`${items.openSlots} > 0 and not ${items.awaitingGeneration} and ${items.leakStatus} <> 'held'`;

export function openItemQuery(db: Db, params: OpenItemParams, options: { skipLocked: boolean }) {
  const kind: SQL = params.gold ? sql`${items.kind} = 'gold'` : sql`${items.kind} <> 'gold'`;
  return db
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        eq(items.campaignId, params.campaignId),
        SERVABLE_ITEM,
        kind,
        params.unless ? sql`not ${params.unless}` : undefined,
        // Written out: drizzle leaves out `.offset(0)`, the one clause this subquery is for.
        sql`not exists (select 1 from ${assignments} where ${assignments.itemId} = ${items.id} and ${assignments.annotatorId} = ${params.annotatorId} and ${assignments.purpose} = 'regular' offset 0)`,
      ),
    )
    .orderBy(sql`${items.judgementCount} desc nulls last`, asc(items.randKey))
    .limit(1)
    .for("update", options.skipLocked ? { skipLocked: true, of: items } : { of: items });
}
