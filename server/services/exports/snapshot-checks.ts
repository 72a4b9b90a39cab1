import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items, judgements, responses } from "@/db/schema";

/**
 * The snapshot mark: judgements are append-only and numbered by `seq`, so "every judgement
 * with seq ≤ the highest at the start" is a consistent view, however long the download takes
 * and whatever is submitted meanwhile. Null when the campaign has no judgement yet.
 */
export async function snapshotSeq(db: Db, params: { campaignId: string }): Promise<number | null> {
  const [mark] = await db
    .select({ maxSeq: sql<string | number | null>`max(${judgements.seq})` })
    .from(judgements)
    .where(eq(judgements.campaignId, params.campaignId));
  return mark?.maxSeq === null || mark?.maxSeq === undefined ? null : Number(mark.maxSeq);
}

/** Whether any judgement of the campaign up to the mark was revised (most never are). */
export async function hasRevisions(
  db: Db,
  params: { campaignId: string; maxSeq: number },
): Promise<boolean> {
  return exists(
    db
      .select({ id: judgements.id })
      .from(judgements)
      .where(
        and(
          eq(judgements.campaignId, params.campaignId),
          isNotNull(judgements.revisionOf),
          lte(judgements.seq, params.maxSeq),
        ),
      )
      .limit(1),
  );
}

/**
 * Whether any judgement of the campaign came from a consistency probe. Checked once per export
 * so that campaigns without probes (most) skip the per-judgement assignment lookup.
 */
export async function hasProbeAssignments(
  db: Db,
  params: { campaignId: string },
): Promise<boolean> {
  return exists(
    db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.campaignId, params.campaignId), eq(assignments.purpose, "probe")))
      .limit(1),
  );
}

/** Whether any prompt of the campaign holds an image part (a vision prompt). */
export async function hasImagePrompt(db: Db, campaignId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: items.id })
      .from(items)
      .where(
        and(
          eq(items.campaignId, campaignId),
          sql`jsonb_path_exists(${items.prompt}, '$[*].content[*] ? (@.type == "image_url")')`,
        ),
      )
      .limit(1),
  );
}

/** Whether any response of the campaign is a continuation kept as messages (turns, tool calls). */
export async function hasMessageResponses(db: Db, campaignId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: responses.id })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(and(eq(items.campaignId, campaignId), isNotNull(responses.messages)))
      .limit(1),
  );
}

/** Whether any item of the campaign came with tool definitions (`tools`), which TRL rows carry as a column. */
export async function hasToolDefinitions(db: Db, campaignId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: items.id })
      .from(items)
      .where(and(eq(items.campaignId, campaignId), sql`${items.source} ? 'tools'`))
      .limit(1),
  );
}

/**
 * Whether any message of the campaign (a prompt's or an answer's) calls a tool, returns a
 * result or names its speaker: fields a plain {role, content} message has no room for.
 */
const TOOL_FIELDS = '$[*] ? (@.role == "tool" || exists(@.tool_calls) || exists(@.name))';
export async function hasToolTurns(db: Db, campaignId: string): Promise<boolean> {
  return exists(
    db
      .select({ id: items.id })
      .from(items)
      .where(
        and(
          eq(items.campaignId, campaignId),
          sql`(jsonb_path_exists(${items.prompt}, ${TOOL_FIELDS}::jsonpath)
          or exists (select 1 from ${responses} r where r.item_id = ${items.id}
            and jsonb_path_exists(r.messages, ${TOOL_FIELDS}::jsonpath)))`,
        ),
      )
      .limit(1),
  );
}

/** Whether a query (already limited to one row) found anything. */
async function exists(query: PromiseLike<unknown[]>): Promise<boolean> {
  return (await query).length > 0;
}
