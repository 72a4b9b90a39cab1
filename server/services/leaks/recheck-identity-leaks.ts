import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  compileLeakMatcher,
  flaggedStatus,
  leakCheckedText,
  type IdentityLeakMode,
} from "@/server/domain/identity-leak";
import { pgArray } from "@/server/services/pg-array";
import { jsonColumn } from "@/server/services/json-column";

/** Responses read per round trip while re-checking. */
const PAGE_SIZE = 2_000;

export interface RecheckResult {
  /** Responses whose phrases changed. */
  responsesChanged: number;
  /** Items whose status changed. */
  itemsChanged: number;
}

/**
 * Brings a campaign's identity-leak verdicts in line with its list and mode, inside the caller's
 * transaction (the campaign edit that changed them). With `rescan`, every response is read again
 * and its phrases recomputed with the one matcher imports and generation use; then each item's
 * status follows from its responses:
 * - no flagged response: `clean` (a hold the new list no longer justifies ends here);
 * - released, and its responses' phrases unchanged: stays `released` (the admin saw exactly this);
 * - otherwise `held` or `warned`, by the mode: a release does not cover phrases it never saw.
 * Without `rescan` (only the mode changed) just the flagged items move between held and warned.
 *
 * Cost: one pass over the campaign's responses, in this transaction: about 2 s for 100,000 items
 * (200,000 responses) on a 2-core machine when few verdicts change; every changed response and
 * item is one more row written. Existing leases are left alone: an item held now stops being
 * handed out, an annotator already holding it keeps their task.
 */
export async function recheckIdentityLeaks(
  tx: Db,
  params: { campaignId: string; words: readonly string[]; mode: IdentityLeakMode; rescan: boolean },
): Promise<RecheckResult> {
  const changedItems = new Set<string>();
  let responsesChanged = 0;
  if (params.rescan) {
    const matcher = compileLeakMatcher(params.words);
    // One pass through a cursor: the campaign's responses are read once, in batches, from the
    // transaction's snapshot (no re-sorting per page, whatever the statistics say after an import).
    await tx.execute(sql`
      declare leak_recheck no scroll cursor for
      select r.id, r.item_id, r.content_kind, r.content, r.reasoning, r.leak_matches
      from responses r join items i on i.id = r.item_id
      where i.campaign_id = ${params.campaignId}
    `);
    for (;;) {
      const batch = (await tx.execute(sql.raw(`fetch forward ${PAGE_SIZE} from leak_recheck`))) as unknown as {
        rows: ResponseRow[];
      };
      const updates: { id: string; matches: string | null }[] = [];
      for (const row of batch.rows) {
        const found = matcher.phrases(
          leakCheckedText({ contentKind: row.content_kind, content: row.content, reasoning: row.reasoning }),
        );
        if (JSON.stringify(found) === JSON.stringify(parseMatches(row.leak_matches))) continue;
        updates.push({ id: row.id, matches: found ? JSON.stringify(found) : null });
        changedItems.add(row.item_id);
      }
      if (updates.length > 0) {
        await tx.execute(sql`
          update responses set leak_matches = t.matches::jsonb
          from unnest(${pgArray(updates.map((u) => u.id))}::uuid[], ${pgArray(updates.map((u) => u.matches))}::text[]) as t(id, matches)
          where responses.id = t.id
        `);
        responsesChanged += updates.length;
      }
      if (batch.rows.length < PAGE_SIZE) break;
    }
    await tx.execute(sql`close leak_recheck`);
  }
  const flagged = flaggedStatus(params.mode);
  const changed = pgArray([...changedItems]);
  const updated = (await tx.execute(sql`
    with changed as (select unnest(${changed}::uuid[]) as id),
    -- The flagged items (items_campaign_id_flagged_idx) and the ones whose phrases changed.
    candidates as (
      select id from items where campaign_id = ${params.campaignId} and leak_status <> 'clean'
      union
      select id from changed
    ),
    next as (
      select i.id, case
          when not exists (select 1 from responses r where r.item_id = i.id and r.leak_matches is not null) then 'clean'
          when i.leak_status = 'released' and c.id is null then 'released'
          else ${flagged}
        end as status
      from candidates k
      join items i on i.id = k.id and i.campaign_id = ${params.campaignId}
      left join changed c on c.id = i.id
    )
    update items set leak_status = next.status
    from next
    where items.id = next.id and items.leak_status <> next.status
    returning items.id
  `)) as unknown as { rows: unknown[] };
  return { responsesChanged, itemsChanged: updated.rows.length };
}

interface ResponseRow {
  id: string;
  item_id: string;
  content_kind: string;
  content: string;
  reasoning: string | null;
  leak_matches: unknown;
}

function parseMatches(value: unknown): string[] | null {
  const parsed = jsonColumn(value);
  return Array.isArray(parsed) && parsed.length > 0 ? (parsed as string[]) : null;
}
