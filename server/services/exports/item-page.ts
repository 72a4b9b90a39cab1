import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  assignments,
  items,
  judgements,
  responses,
  type Item,
  type ItemKind,
  type Judgement,
  type Response,
} from "@/db/schema";

const ITEM_COLUMNS = {
  id: items.id,
  seq: items.seq,
  externalId: items.externalId,
  prompt: items.prompt,
  promptFormat: items.promptFormat,
  kind: items.kind,
  goldAnswer: items.goldAnswer,
  source: items.source,
};
const RESPONSE_COLUMNS = {
  id: responses.id,
  itemId: responses.itemId,
  externalId: responses.externalId,
  model: responses.model,
  content: responses.content,
};
const JUDGEMENT_COLUMNS = {
  id: judgements.id,
  itemId: judgements.itemId,
  assignmentId: judgements.assignmentId,
  annotatorId: judgements.annotatorId,
  payload: judgements.payload,
  guidelineVersion: judgements.guidelineVersion,
};
/** Only the raw `judgements` export reads these; parsing them for every row costs a lot. */
const DETAIL_COLUMNS = {
  displayOrder: judgements.displayOrder,
  templateVersion: judgements.templateVersion,
  shownAt: judgements.shownAt,
  submittedAt: judgements.submittedAt,
  activeMs: judgements.activeMs,
  revisionOf: judgements.revisionOf,
};

export type ExportItem = Pick<Item, keyof typeof ITEM_COLUMNS>;
export type ExportResponse = Pick<Response, keyof typeof RESPONSE_COLUMNS>;

export type BundledJudgement = Pick<Judgement, keyof typeof JUDGEMENT_COLUMNS> & {
  /** "probe" for a consistency re-serve of an item the annotator already judged. */
  purpose: string;
  /** Loaded only when the walk asks for details. */
  detail: Pick<Judgement, keyof typeof DETAIL_COLUMNS> | null;
};

/** One item with its responses (source order) and its live judgements (submission order). */
export interface ItemBundle {
  item: ExportItem;
  responses: ExportResponse[];
  judgements: BundledJudgement[];
}

export interface ItemWalk {
  campaignId: string;
  maxSeq: number;
  kinds: readonly ItemKind[];
  /** Look up each judgement's assignment purpose; false reads every one as "regular". */
  withPurpose: boolean;
  /** Whether any judgement may have been revised (else the liveness check is skipped). */
  withRevisions: boolean;
  /** Whether to load every column of the judgements (the raw export) or only the verdicts. */
  withDetail: boolean;
  pageSize?: number;
}

export interface ItemPage {
  bundles: ItemBundle[];
  /** The keyset position after this page; null when it was empty. */
  lastSeq: number | null;
}

/** One page of the item walk: its items, then their judgements and responses together. */
export async function loadItemPage(
  db: Db,
  params: ItemWalk & { after: number; pageSize: number },
): Promise<ItemPage> {
  const page = await db
    .select(ITEM_COLUMNS)
    .from(items)
    .where(
      and(
        eq(items.campaignId, params.campaignId),
        gt(items.seq, params.after),
        inArray(items.kind, [...params.kinds]),
      ),
    )
    .orderBy(asc(items.seq))
    .limit(params.pageSize);
  const last = page[page.length - 1];
  if (!last) return { bundles: [], lastSeq: null };
  const itemIds = page.map((i) => i.id);
  const [judgementRows, responseRows] = await Promise.all([
    loadJudgements(db, params, itemIds),
    db
      .select(RESPONSE_COLUMNS)
      .from(responses)
      .where(anyOf(responses.itemId, itemIds))
      .orderBy(asc(responses.itemId), asc(responses.position)),
  ]);
  const responsesByItem = groupBy(responseRows, (r) => r.itemId);
  const judgementsByItem = groupBy(judgementRows, (j) => j.itemId);
  return {
    bundles: page.map((item) => ({
      item,
      responses: responsesByItem.get(item.id) ?? [],
      judgements: judgementsByItem.get(item.id) ?? [],
    })),
    lastSeq: last.seq,
  };
}

/**
 * The live judgements of some items as of the mark. Both lookups are scalar subqueries, not
 * joins: as a join or NOT EXISTS, the planner may hash the whole assignments or judgements
 * table for every page; this form probes the primary key and the revision_of index per row.
 */
function loadJudgements(db: Db, params: ItemWalk, itemIds: string[]) {
  const revisions = alias(judgements, "revisions");
  const purpose = params.withPurpose
    ? sql<string>`(select ${assignments.purpose} from ${assignments} where ${assignments.id} = ${judgements.assignmentId})`
    : sql<string>`'regular'`;
  const live = params.withRevisions
    ? sql`(select ${revisions.id} from ${judgements} as ${sql.identifier("revisions")}
        where ${revisions.revisionOf} = ${judgements.id} and ${revisions.seq} <= ${params.maxSeq}
        limit 1) is null`
    : sql`true`;
  const detail = params.withDetail ? DETAIL_COLUMNS : { detail: sql<null>`null` };
  return db
    .select({ ...JUDGEMENT_COLUMNS, ...detail, purpose })
    .from(judgements)
    .where(and(anyOf(judgements.itemId, itemIds), lte(judgements.seq, params.maxSeq), live))
    .orderBy(asc(judgements.seq))
    .then((rows) =>
      rows.map((row) => {
        // Rows without details already carry `detail: null`: no copy per judgement.
        if (!("displayOrder" in row)) return row;
        const {
          displayOrder,
          templateVersion,
          shownAt,
          submittedAt,
          activeMs,
          revisionOf,
          ...core
        } = row;
        return {
          ...core,
          detail: { displayOrder, templateVersion, shownAt, submittedAt, activeMs, revisionOf },
        };
      }),
    );
}

/**
 * `column = any($1::uuid[])`: one array parameter instead of a thousand, which keeps both
 * query building and planning cheap for every page.
 */
function anyOf(
  column: typeof items.id | typeof responses.itemId | typeof judgements.itemId,
  ids: string[],
) {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
