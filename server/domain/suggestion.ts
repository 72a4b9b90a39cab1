import type { JudgementPayload } from "./judgement-payload";

/**
 * When annotators see an LLM judge's suggestion (DESIGN §15): never, revealed once they have
 * submitted their own answer, or before, as a marked hint on the task that one key accepts.
 * The one source of the setting's values and default (schema, inputs, REST, admin form).
 */
export const SUGGESTION_MODES = ["hidden", "after_submit", "before_submit"] as const;
export type SuggestionMode = (typeof SUGGESTION_MODES)[number];
export const DEFAULT_SUGGESTION_MODE: SuggestionMode = "hidden";

/**
 * A judge's suggestion for an item as the server keeps it (on the assignment it was shown
 * with): the suggestions row, the judge's name and its payload, naming real response ids.
 */
export interface ShownSuggestion {
  /** The suggestions row (the judge's verdict in the first display order). */
  id: string;
  /** The judge's name (an endpoint's name; never its URL or key). */
  judge: string;
  payload: JudgementPayload;
}

/**
 * A suggestion as a task shows it: the judge's name and its verdict in the template's payload
 * shape (only the verdict keys, see suggestionVerdict), naming responses by the task's own
 * handles — the same shape an answer has, so any template can accept it as an answer.
 */
export interface TaskSuggestion {
  judge: string;
  payload: Record<string, unknown>;
}

/**
 * The keys of a judge's payload that make its verdict, in any template's shape. The judge's
 * rationale is left out: it names responses by the letters of the order the judge saw, which
 * is not the order an annotator is shown, and it is model output nobody has checked.
 */
const VERDICT_KEYS = ["choice", "strength", "criteria", "ranking", "not_rankable", "ratings", "steps"] as const;

export function suggestionVerdict(payload: JudgementPayload): JudgementPayload {
  const source = payload as Record<string, unknown>;
  return Object.fromEntries(
    VERDICT_KEYS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  ) as unknown as JudgementPayload;
}

/** A suggestion revealed with the reply to a submitted answer, and whether the answer agreed. */
export interface RevealedSuggestion extends TaskSuggestion {
  agreed: boolean | null;
}
