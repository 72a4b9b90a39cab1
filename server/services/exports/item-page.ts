import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Item, ItemKind, Judgement, Response } from "@/db/schema";
import { judgeVerdictsOf, type JudgeWalk, type SuggestionDetail } from "./judge-verdicts-sql";

export type { JudgeWalk } from "./judge-verdicts-sql";
import type { Message } from "@/server/formats/messages";
import { jsonColumn } from "@/server/services/json-column";

export type ExportItem = Pick<
  Item,
  "id" | "seq" | "externalId" | "prompt" | "promptFormat" | "kind" | "goldAnswer" | "source"
> & { metadata?: Item["metadata"] };
export type ExportResponse = Pick<Response, "id" | "itemId" | "externalId" | "model" | "content"> &
  Partial<Pick<Response, "steps" | "messages">> & {
    /** One turn of a per-turn export: the conversation this side's turn answers (turn-bundles.ts). */
    context?: Message[];
  };

type DetailColumns =
  | "displayOrder"
  | "templateVersion"
  | "shownAt"
  | "submittedAt"
  | "activeMs"
  | "revisionOf"
  | "suggestionShown"
  | "agreedWithSuggestion";

export type BundledJudgement = Pick<
  Judgement,
  "id" | "itemId" | "assignmentId" | "annotatorId" | "payload" | "guidelineVersion"
> & {
  /** "probe" for a consistency re-serve of an item the annotator already judged. */
  purpose: string;
  /** Loaded only when the walk asks for details. */
  detail: Pick<Judgement, DetailColumns> | null;
  /** Set on an LLM judge's verdict only (an ai-judgements walk): the judge's name. */
  judge?: string;
  /** A judge verdict's own details, when the walk asks for details. */
  suggestion?: SuggestionDetail | null;
};

/** One item with its responses (source order) and its live judgements (submission order). */
export interface ItemBundle {
  item: ExportItem;
  responses: ExportResponse[];
  judgements: BundledJudgement[];
  /** Set on one turn of a per-turn item (1-based), which then stands for that turn alone. */
  turn?: number;
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
  /** Whether to load each item's import metadata (only formats that export some of it). */
  withMetadata?: boolean;
  /** Walk these judges' verdicts instead of the judgements. */
  judges?: JudgeWalk;
  pageSize?: number;
}

export interface ItemPage {
  bundles: ItemBundle[];
  /** The keyset position after this page; null when it was empty. */
  lastSeq: number | null;
}

/** A judgement as the page query spells it: timestamps are still text inside its JSON. */
type RawJudgement = Omit<BundledJudgement, "detail"> & {
  detail:
    | (Omit<Judgement, "shownAt" | "submittedAt"> &
        Record<"shownAt" | "submittedAt", string | null>)
    | null;
};

/**
 * Items an export leaves out whatever its options: those the identity-leak guard holds. No
 * annotator has been served them since they were flagged, and their text names a model, so
 * they wait for an admin's release like they do in the queue. (Warned and released items are
 * exported: annotators judged them as they are.) Written against the alias `i`.
 */
export const EXPORTABLE_ITEM = sql`i.leak_status <> 'held'`;

/**
 * One page of the item walk in a single query: each row is one item with its responses and
 * live judgements already gathered into JSON by the server. One round trip per page and one
 * JSON parse per item, instead of three queries whose every row is mapped column by column,
 * is most of what made an export slower than the database could send it.
 */
export async function loadItemPage(
  db: Db,
  params: ItemWalk & { after: number; upTo: number | null; pageSize: number },
): Promise<ItemPage> {
  const upTo = params.upTo === null ? sql`` : sql`and i.seq <= ${params.upTo}`;
  const result = (await db.execute(sql`
    select json_build_object(
      'item', json_build_object('id', i.id, 'seq', i.seq, 'externalId', i.external_id,
        'prompt', i.prompt, 'promptFormat', i.prompt_format, 'kind', i.kind,
        'goldAnswer', i.gold_answer, 'source', i.source
        ${params.withMetadata ? sql`, 'metadata', i.metadata` : sql``}),
      'responses', coalesce((
        select json_agg(json_build_object('id', r.id, 'itemId', r.item_id,
          'externalId', r.external_id, 'model', r.model, 'content', r.content, 'steps', r.steps, 'messages', r.messages) order by r.position)
        from responses r where r.item_id = i.id), '[]'::json),
      'judgements', coalesce((${params.judges ? judgeVerdictsOf(params.judges, params.withDetail) : judgementsOf(params)}), '[]'::json)
    ) as bundle
    from items i
    where i.campaign_id = ${params.campaignId} and i.seq > ${params.after}
      and i.kind = any(${sql.param([...params.kinds])}::text[]) and ${EXPORTABLE_ITEM} ${upTo}
    order by i.seq
    limit ${params.pageSize}`)) as unknown as { rows: { bundle: string | ItemBundle }[] };
  const bundles = result.rows.map((row) => {
    const bundle = jsonColumn(row.bundle) as ItemBundle;
    if (params.withDetail && !params.judges) {
      for (const j of bundle.judgements as unknown as RawJudgement[]) withTimes(j);
    }
    return bundle;
  });
  const last = bundles[bundles.length - 1];
  return { bundles, lastSeq: last ? Number(last.item.seq) : null };
}

/**
 * The live judgements of the outer item as of the mark, as a JSON array in submission order.
 * Purpose and liveness are scalar subqueries: they probe the assignments primary key and the
 * revision_of index per judgement rather than letting the planner hash either whole table.
 */
function judgementsOf(params: ItemWalk): SQL {
  const purpose = params.withPurpose
    ? sql`(select a.purpose from assignments a where a.id = j.assignment_id)`
    : sql`'regular'`;
  const live = params.withRevisions
    ? sql`and (select v.id from judgements v
        where v.revision_of = j.id and v.seq <= ${params.maxSeq} limit 1) is null`
    : sql``;
  const detail = params.withDetail
    ? sql`json_build_object('displayOrder', j.display_order, 'templateVersion', j.template_version,
        'shownAt', j.shown_at, 'submittedAt', j.submitted_at, 'activeMs', j.active_ms,
        'revisionOf', j.revision_of, 'suggestionShown', j.suggestion_shown,
        'agreedWithSuggestion', j.agreed_with_suggestion)`
    : sql`null`;
  return sql`
    select json_agg(json_build_object('id', j.id, 'itemId', j.item_id,
      'assignmentId', j.assignment_id, 'annotatorId', j.annotator_id, 'payload', j.payload,
      'guidelineVersion', j.guideline_version, 'purpose', ${purpose}, 'detail', ${detail})
      order by j.seq)
    from judgements j
    where j.item_id = i.id and j.seq <= ${params.maxSeq} ${live}`;
}

/** JSON carries timestamps as text; the raw export's rows expect them as dates, as drizzle gives. */
function withTimes(judgement: RawJudgement): void {
  const { detail } = judgement;
  if (!detail) return;
  const shown = detail.shownAt;
  const submitted = detail.submittedAt;
  Object.assign(detail, {
    shownAt: shown === null ? null : new Date(shown),
    submittedAt: submitted === null ? null : new Date(submitted),
  });
}
