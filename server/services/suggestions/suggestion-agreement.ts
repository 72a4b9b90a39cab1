import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { ShownSuggestion } from "@/server/domain/suggestion";
import { responsePairs, sameVerdict, verdictOf } from "@/server/services/exports/verdicts";

/**
 * Whether an answer says what a suggestion says about every pair of the item's responses, as
 * gold accuracy and the judge figures compare verdicts (strength and rationale aside). Null
 * when either names no verdict that can be compared (e.g. ratings alone).
 */
export function suggestionAgreement(
  suggestion: Pick<ShownSuggestion, "payload">,
  payload: JudgementPayload,
  responseIds: readonly string[],
): boolean | null {
  const responses = responseIds.map((id) => ({ id }));
  const given = verdictOf(payload, responses);
  const suggested = verdictOf(suggestion.payload, responses);
  if (!given || !suggested) return null;
  return sameVerdict(given, suggested, responsePairs("item", responses));
}

/**
 * The suggestion fields every judgement stores (DESIGN §15), computed on the server from the
 * suggestion its assignment showed and the stored payload, never taken from the client. A
 * revision is measured against the same shown suggestion as the answer it corrects.
 */
export function suggestionOutcome(
  shown: ShownSuggestion | null,
  payload: JudgementPayload,
  responseIds: readonly string[],
): { suggestionShown: boolean; agreedWithSuggestion: boolean | null } {
  if (!shown) return { suggestionShown: false, agreedWithSuggestion: null };
  return { suggestionShown: true, agreedWithSuggestion: suggestionAgreement(shown, payload, responseIds) };
}
