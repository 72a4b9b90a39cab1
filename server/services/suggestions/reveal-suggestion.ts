import type { Db } from "@/db/client";
import type { Assignment, Campaign } from "@/db/schema";
import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { RevealedSuggestion } from "@/server/domain/suggestion";
import { findItemSuggestion } from "./find-item-suggestion";
import { suggestionAgreement } from "./suggestion-agreement";
import { toTaskSuggestion } from "./task-suggestion";

/**
 * The suggestion the reply to a stored answer reveals (DESIGN §15): in an `after_submit` or
 * `before_submit` campaign, the one the task showed, else the item's current one, with whether
 * the answer agreed; null in a `hidden` campaign or when the item has none. Called only once
 * the judgement is stored, so an `after_submit` annotator never sees it before answering.
 */
export async function revealSuggestion(
  db: Db,
  params: {
    campaign: Pick<Campaign, "suggestionMode">;
    assignment: Pick<Assignment, "id" | "itemId" | "displayOrder" | "suggestion">;
    payload: JudgementPayload;
  },
): Promise<RevealedSuggestion | null> {
  const { assignment } = params;
  if (params.campaign.suggestionMode === "hidden") return null;
  const suggestion = assignment.suggestion ?? (await findItemSuggestion(db, { itemId: assignment.itemId }));
  if (!suggestion) return null;
  return {
    ...toTaskSuggestion(suggestion, assignment.id),
    agreed: suggestionAgreement(suggestion, params.payload, assignment.displayOrder),
  };
}
