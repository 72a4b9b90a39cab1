import { and, asc, eq, notExists, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items } from "@/db/schema";

/**
 * Finds and row-locks an item with an open slot that this annotator has never been assigned
 * (DESIGN §6): the one closest to completion, ties broken by the random key fixed at import.
 *
 * The query walks the partial index items_campaign_id_open_idx in its own order and stops at the
 * first row that passes, so its cost does not grow with the campaign (§12 P6). The literal
 * `open_slots > 0` (not a bound parameter) lets the planner match the index predicate.
 *
 * SKIP LOCKED keeps concurrent claimers from queueing behind each other. When every candidate
 * happens to be locked by a claim in flight, that is not "done": the query is repeated waiting
 * for the locks, and Postgres re-checks each row once its holder commits.
 */
export async function pickOpenItem(
  db: Db,
  params: OpenItemParams,
): Promise<string | null> {
  const [free] = await openItemQuery(db, params, { skipLocked: true });
  if (free || params.preferenceOnly) return free?.id ?? null;
  const [waited] = await openItemQuery(db, params, { skipLocked: false });
  return waited?.id ?? null;
}

export interface OpenItemParams {
  campaignId: string;
  annotatorId: string;
  gold: boolean;
  /** A preference (gold at the gold rate) that may fall through: never wait for locked rows. */
  preferenceOnly?: boolean;
}

/**
 * The candidate query itself, exported so the claim-scaling benchmark can EXPLAIN exactly what
 * runs. `desc nulls last` is not decoration: the index was declared with drizzle's `.desc()`,
 * which Postgres stores as DESC NULLS LAST, while a bare `desc` means NULLS FIRST; with the
 * mismatch the planner cannot walk the index in order and sorts every open item instead.
 * `offset 0` keeps the "not assigned to me" check a per-row probe of
 * assignments_item_id_annotator_id_key: without it Postgres may turn it into an anti-join that
 * reads every assignment of the annotator, or (on stale statistics) the whole index.
 */
export function openItemQuery(db: Db, params: OpenItemParams, options: { skipLocked: boolean }) {
  const kind: SQL = params.gold ? sql`${items.kind} = 'gold'` : sql`${items.kind} <> 'gold'`;
  return db
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        eq(items.campaignId, params.campaignId),
        sql`${items.openSlots} > 0`,
        // Prompts still waiting for generated responses are not tasks yet (the index agrees).
        sql`not ${items.awaitingGeneration}`,
        kind,
        notExists(
          db
            .select({ one: sql`1` })
            .from(assignments)
            .where(
              and(
                eq(assignments.itemId, items.id),
                eq(assignments.annotatorId, params.annotatorId),
                sql`${assignments.purpose} = 'regular'`,
              ),
            )
            .offset(0),
        ),
      ),
    )
    .orderBy(sql`${items.judgementCount} desc nulls last`, asc(items.randKey))
    .limit(1)
    .for("update", options.skipLocked ? { skipLocked: true, of: items } : { of: items });
}
