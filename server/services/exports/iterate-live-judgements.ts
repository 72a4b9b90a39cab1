import { and, asc, eq, gt, inArray, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { items, judgements, responses, type Item, type Judgement, type Response } from "@/db/schema";

export interface JudgementWithItem {
  judgement: Judgement;
  item: Item;
  /** In source order. */
  responses: Response[];
}

/**
 * Every live judgement of a campaign as of the moment the export starts, in submission order.
 *
 * Judgements are append-only, so the highest `seq` at the start is a snapshot: a judgement is
 * in it when its seq is at most that mark, and live when no revision at or below the mark
 * supersedes it. Pages are read by keyset on seq, so memory stays flat at any size and no
 * transaction is held open while the client downloads.
 */
export async function* iterateLiveJudgements(
  db: Db,
  params: { campaignId: string; pageSize?: number },
): AsyncGenerator<JudgementWithItem> {
  const pageSize = params.pageSize ?? 1000;
  const [mark] = await db
    .select({ maxSeq: sql<number | null>`max(${judgements.seq})` })
    .from(judgements)
    .where(eq(judgements.campaignId, params.campaignId));
  const maxSeq = mark?.maxSeq === null || mark?.maxSeq === undefined ? null : Number(mark.maxSeq);
  if (maxSeq === null) return;
  const revisions = alias(judgements, "revisions");
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(judgements)
      .where(
        and(
          eq(judgements.campaignId, params.campaignId),
          gt(judgements.seq, after),
          lte(judgements.seq, maxSeq),
          notExists(
            db
              .select({ one: sql`1` })
              .from(revisions)
              .where(and(eq(revisions.revisionOf, judgements.id), lte(revisions.seq, maxSeq))),
          ),
        ),
      )
      .orderBy(asc(judgements.seq))
      .limit(pageSize);
    if (page.length === 0) return;
    const itemIds = [...new Set(page.map((j) => j.itemId))];
    const itemRows = await db.select().from(items).where(inArray(items.id, itemIds));
    const responseRows = await db
      .select()
      .from(responses)
      .where(inArray(responses.itemId, itemIds))
      .orderBy(asc(responses.itemId), asc(responses.position));
    const itemById = new Map(itemRows.map((i) => [i.id, i]));
    const responsesByItem = new Map<string, Response[]>();
    for (const r of responseRows) {
      const list = responsesByItem.get(r.itemId) ?? [];
      list.push(r);
      responsesByItem.set(r.itemId, list);
    }
    for (const judgement of page) {
      const item = itemById.get(judgement.itemId);
      if (!item) continue;
      yield { judgement, item, responses: responsesByItem.get(item.id) ?? [] };
    }
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}
