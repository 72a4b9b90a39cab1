import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { STRENGTH_OPTIONS, verdictOptions, type PairwiseAnswer } from "./pairwise-answer";

/**
 * The answer after a verdict or strength key (1 2 3 4, q w e r), or null when the key is not
 * one of them. Strength applies only once a response is preferred, as on the buttons.
 */
export function answerAfterKey(
  key: string,
  answer: PairwiseAnswer,
  template: PairwiseTemplate | null,
  responseIds: string[],
): PairwiseAnswer | null {
  const option = verdictOptions(template, responseIds).find((o) => o.key === key);
  if (option) return { ...answer, choice: option.value };
  const strength = template?.strength ? STRENGTH_OPTIONS.find((s) => s.key === key) : undefined;
  if (strength && responseIds.includes(answer.choice ?? ""))
    return { ...answer, strength: strength.value };
  return null;
}

/** `f`: moves focus to the first flag box of the task on screen; Space ticks it, Tab moves on. */
export function focusFlags(): boolean {
  const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("[data-flags] input"));
  const visible = boxes.find((box) => box.offsetParent !== null);
  visible?.focus();
  return Boolean(visible);
}
