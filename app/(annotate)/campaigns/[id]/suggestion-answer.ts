import type { AnswerKind } from "./answer-kind";

/**
 * The answer after accepting a model suggestion: the suggestion's verdict (it comes in the
 * template's payload shape, naming this task's responses, like a stored answer being edited)
 * with the annotator's own rationale and flags kept. Works for any template kind.
 */
export function acceptedAnswer<T, A>(
  kind: AnswerKind<T, A>,
  answer: A,
  template: T,
  responseIds: string[],
  suggested: Record<string, unknown>,
): A {
  const own = kind.toPayload(answer, template, responseIds);
  const notes = {
    ...(own.rationale !== undefined ? { rationale: own.rationale } : {}),
    ...(own.flags !== undefined ? { flags: own.flags } : {}),
  };
  return kind.fromDraft({ ...suggested, ...notes }, template, responseIds);
}
