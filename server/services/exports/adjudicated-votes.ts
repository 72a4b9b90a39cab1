import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adjudications, type Adjudication } from "@/db/schema";
import type { BundledJudgement, ItemBundle } from "./item-bundles";

export type AdjudicatedVerdict = Pick<
  Adjudication,
  "id" | "itemId" | "payload" | "adjudicatorId" | "templateVersion" | "updatedAt"
>;

/** The campaign's adjudicated verdicts by item: few (one per disputed item), so held in memory. */
export async function loadAdjudications(
  db: Db,
  params: { campaignId: string },
): Promise<Map<string, AdjudicatedVerdict>> {
  const rows = await db
    .select({
      id: adjudications.id,
      itemId: adjudications.itemId,
      payload: adjudications.payload,
      adjudicatorId: adjudications.adjudicatorId,
      templateVersion: adjudications.templateVersion,
      updatedAt: adjudications.updatedAt,
    })
    .from(adjudications)
    .where(eq(adjudications.campaignId, params.campaignId));
  return new Map(rows.map((r) => [r.itemId, r]));
}

/**
 * An adjudicated verdict in the shape of one judgement, so every format and aggregation reads
 * it as the item's single vote (`prefer_adjudicated=true`). Its id stands for the assignment
 * too; the display order is the source order, since nobody was shown a shuffled screen.
 */
export function adjudicatedJudgement(
  verdict: AdjudicatedVerdict,
  bundle: ItemBundle,
  guidelineVersion: number,
): BundledJudgement {
  return {
    id: verdict.id,
    itemId: verdict.itemId,
    assignmentId: verdict.id,
    annotatorId: verdict.adjudicatorId ?? "adjudicator",
    payload: verdict.payload,
    guidelineVersion,
    purpose: "adjudication",
    detail: {
      displayOrder: bundle.responses.map((r) => r.id),
      templateVersion: verdict.templateVersion,
      shownAt: null,
      submittedAt: verdict.updatedAt,
      activeMs: null,
      revisionOf: null,
      suggestionShown: false,
      agreedWithSuggestion: null,
    },
  };
}
