import type { Db } from "@/db/client";
import { judgements, type Assignment, type Campaign, type Judgement } from "@/db/schema";
import { suggestionOutcome } from "@/server/services/suggestions/suggestion-agreement";
import type { JudgementPayload } from "./judgement-payload";

/**
 * Appends a judgement row for an assignment, stamped with what the annotator was shown and
 * the campaign's guideline and template versions at that moment. A first answer and a
 * revision differ only in `revisionOf`; both are measured against the suggestion the
 * assignment showed, so a revision keeps `suggestion_shown` and re-computes the agreement.
 */
export async function insertJudgement(
  db: Db,
  params: {
    assignment: Assignment;
    campaign: Pick<Campaign, "guidelineVersion" | "templateVersion">;
    payload: JudgementPayload;
    activeMs: number | undefined;
    idempotencyKey: string;
    revisionOf?: string;
  },
): Promise<Judgement> {
  const { assignment, campaign } = params;
  const [judgement] = await db
    .insert(judgements)
    .values({
      campaignId: assignment.campaignId,
      assignmentId: assignment.id,
      itemId: assignment.itemId,
      annotatorId: assignment.annotatorId,
      payload: params.payload,
      displayOrder: assignment.displayOrder,
      guidelineVersion: campaign.guidelineVersion,
      templateVersion: campaign.templateVersion,
      shownAt: assignment.shownAt ?? assignment.leasedAt,
      activeMs: params.activeMs,
      ...suggestionOutcome(assignment.suggestion, params.payload, assignment.displayOrder),
      idempotencyKey: params.idempotencyKey,
      revisionOf: params.revisionOf,
    })
    .returning();
  if (!judgement) throw new Error("insert returned no row");
  return judgement;
}
