import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items, judgements, responses, type Campaign } from "@/db/schema";
import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { ItemKind } from "@/server/domain/item-kinds";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";

export interface QualityResponse {
  id: string;
  externalId: string;
  model: string | null;
  /** Characters of content, for the length-bias check (the text itself is not needed). */
  length: number;
}

export interface QualityItem {
  id: string;
  externalId: string;
  kind: ItemKind;
  goldAnswer: unknown;
  /** Source order: positions are what agreement labels refer to. */
  responses: QualityResponse[];
}

export interface QualityJudgement {
  id: string;
  itemId: string;
  annotatorId: string;
  payload: JudgementPayload;
  displayOrder: string[];
  activeMs: number | null;
  submittedAt: Date;
  /** Whether the task showed an LLM judge's suggestion, and whether the answer agreed with it. */
  suggestionShown: boolean;
  agreedWithSuggestion: boolean | null;
  /**
   * Milliseconds from the task's lease (when it was handed out, so shown at the earliest) to
   * this answer, measured by the server; null without a lease time.
   */
  answerMs: number | null;
  /** A consistency re-serve: counted only for self-consistency, never as a second vote. */
  probe: boolean;
}

export interface QualityData {
  campaign: Campaign;
  items: Map<string, QualityItem>;
  /** Every live (non-superseded) judgement, excluded annotators included, in submission order. */
  judgements: QualityJudgement[];
  excluded: ReadonlySet<string>;
}

/**
 * Everything the quality reports read, in three queries. Reports work in memory on compact
 * rows (no response texts), which is fine up to a few hundred thousand judgements.
 */
export async function loadQualityData(
  db: Db,
  params: { campaignId: string },
): Promise<QualityData> {
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");

  const itemRows = await db
    .select({
      id: items.id,
      externalId: items.externalId,
      kind: items.kind,
      goldAnswer: items.goldAnswer,
      responseId: responses.id,
      responseExternalId: responses.externalId,
      model: responses.model,
      length: sql<number>`char_length(${responses.content})::int`,
    })
    .from(items)
    .innerJoin(responses, eq(responses.itemId, items.id))
    .where(eq(items.campaignId, campaign.id))
    .orderBy(asc(items.seq), asc(responses.position));
  const itemMap = new Map<string, QualityItem>();
  for (const row of itemRows) {
    let item = itemMap.get(row.id);
    if (!item) {
      item = {
        id: row.id,
        externalId: row.externalId,
        kind: row.kind,
        goldAnswer: row.goldAnswer,
        responses: [],
      };
      itemMap.set(row.id, item);
    }
    item.responses.push({
      id: row.responseId,
      externalId: row.responseExternalId,
      model: row.model,
      length: Number(row.length),
    });
  }

  const judgementRows = await db
    .select({
      id: judgements.id,
      itemId: judgements.itemId,
      annotatorId: judgements.annotatorId,
      payload: judgements.payload,
      displayOrder: judgements.displayOrder,
      activeMs: judgements.activeMs,
      submittedAt: judgements.submittedAt,
      suggestionShown: judgements.suggestionShown,
      agreedWithSuggestion: judgements.agreedWithSuggestion,
      answerMs: sql<number | null>`(extract(epoch from ${judgements.submittedAt} - ${judgements.shownAt}) * 1000)::int`,
      purpose: assignments.purpose,
    })
    .from(judgements)
    .innerJoin(assignments, eq(assignments.id, judgements.assignmentId))
    .where(
      sql`${judgements.campaignId} = ${campaign.id} and not exists (
        select 1 from ${judgements} as v where v.revision_of = ${judgements.id})`,
    )
    .orderBy(asc(judgements.seq));

  return {
    campaign,
    items: itemMap,
    judgements: judgementRows.map(({ purpose, ...j }) => ({ ...j, probe: purpose === "probe" })),
    excluded: new Set(campaign.excludedAnnotators),
  };
}

/** The judgements that count as votes: no probes, no excluded annotators. */
export function countedJudgements(data: QualityData): QualityJudgement[] {
  return data.judgements.filter((j) => !j.probe && !data.excluded.has(j.annotatorId));
}
