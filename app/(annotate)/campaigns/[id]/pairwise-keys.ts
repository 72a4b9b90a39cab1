import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { FLAGS, SUBMIT, type KeyBinding } from "./key-map";
import { STRENGTH_OPTIONS, verdictOptions, type PairwiseAnswer } from "./pairwise-answer";

/** 1 A better, 2 B better, 3 tie, 4 both bad, q w e r strength, as the template allows. */
export function pairwiseKeys(template: PairwiseTemplate, responseIds: string[]): KeyBinding[] {
  return [
    ...verdictOptions(template, responseIds).map((o) => ({
      id: `verdict:${o.value}`,
      keys: [o.key],
      label: o.label,
    })),
    ...(template.strength
      ? STRENGTH_OPTIONS.map((s) => ({
          id: `strength:${s.value}`,
          keys: [s.key],
          label: `Strength: ${s.label.toLowerCase()}`,
        }))
      : []),
    SUBMIT,
    ...(template.flags.length > 0 ? [FLAGS] : []),
    { id: "diff", keys: ["d"], label: "Show or hide the word diff of the two responses" },
  ];
}

/** The answer after a verdict or strength key; strength only once a response is preferred. */
export function pairwiseAfterKey(
  id: string,
  _key: string,
  answer: PairwiseAnswer,
  template: PairwiseTemplate,
  responseIds: string[],
): PairwiseAnswer | null {
  if (id.startsWith("verdict:")) return { ...answer, choice: id.slice("verdict:".length) };
  const strength = STRENGTH_OPTIONS.find((s) => id === `strength:${s.value}`);
  if (strength && template.strength && responseIds.includes(answer.choice ?? "")) {
    return { ...answer, strength: strength.value };
  }
  return null;
}

/** `f`: moves focus to the first flag box of the task on screen; Space ticks it, Tab moves on. */
export function focusFlags(): boolean {
  const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("[data-flags] input"));
  const visible = boxes.find((box) => box.offsetParent !== null);
  visible?.focus();
  return Boolean(visible);
}
