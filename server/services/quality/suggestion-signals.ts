import type { QualityJudgement } from "./load-quality-data";
import { QUALITY_THRESHOLDS as T } from "./quality-thresholds";

export interface SuggestionUse {
  /** Answers given with a suggestion on screen. */
  shown: number;
  /** Share of those that say what the suggestion said (over the comparable ones). */
  agreement: number | null;
  /** Of those, accepted within T.rubberStampMs of the task being handed out. */
  rubberStamps: number;
}

/**
 * How an annotator used the LLM suggestions they were shown (DESIGN §15), over their live
 * answers. The time is the server's, from the lease to the stored answer: never shorter than
 * the time the task was really on screen, so a rubber stamp is never a clock artefact, and a
 * client's own `active_ms` (which it could inflate) plays no part. A revision is timed from
 * the same lease, so a corrected answer is never a rubber stamp.
 */
export function suggestionUse(own: readonly QualityJudgement[]): SuggestionUse {
  const shown = own.filter((j) => j.suggestionShown);
  const compared = shown.filter((j) => j.agreedWithSuggestion !== null);
  const agreed = compared.filter((j) => j.agreedWithSuggestion === true);
  return {
    shown: shown.length,
    agreement: compared.length === 0 ? null : agreed.length / compared.length,
    rubberStamps: agreed.filter((j) => j.answerMs !== null && j.answerMs < T.rubberStampMs).length,
  };
}

/** Rubber-stamping is frequent: enough suggestions shown, and a large share accepted at once. */
export function rubberStamping(use: SuggestionUse): boolean {
  return use.shown >= T.minSuggestionsShown && use.rubberStamps / use.shown >= T.rubberStampShare;
}
