import type { StepSplit } from "./template-config";

/**
 * Step labels (DESIGN §16, PRM800K's ratings): +1 good, 0 neutral, −1 wrong. The one source for
 * the payload check, the screen's keys and the exports.
 */
export const STEP_LABELS = [1, 0, -1] as const;
export type StepLabel = (typeof STEP_LABELS)[number];

/** Most steps a response may have; a longer solution is not one a person labels step by step. */
export const MAX_STEPS = 100;

/** The text a response made of explicit steps is stored as, for screens and exports that want one text. */
export const STEP_JOINER = "\n\n";

/** Cuts a response's text into steps: at blank lines or at every line break; empty pieces are dropped. */
export function splitSteps(content: string, split: StepSplit): string[] {
  const pattern = split === "blank_lines" ? /\r?\n[ \t]*\r?\n/ : /\r?\n/;
  return content
    .split(pattern)
    .map((step) => step.trim())
    .filter((step) => step.length > 0)
    .slice(0, MAX_STEPS);
}

/** A response's steps: the explicit array it was imported with, else its text split per the template. */
export function responseSteps(
  response: { content: string; steps?: readonly string[] | null },
  split: StepSplit,
): string[] {
  if (response.steps && response.steps.length > 0) return [...response.steps];
  const steps = splitSteps(response.content, split);
  return steps.length > 0 ? steps : [response.content];
}

/** In first_error mode the first −1 marks the rest: every label after it is −1 as well. */
export function followsFirstError(labels: readonly number[]): boolean {
  const first = labels.indexOf(-1);
  return first === -1 || labels.slice(first).every((label) => label === -1);
}

/**
 * Labels after a step is set, in the template's mode. In first_error mode a −1 fills every later
 * step with −1; a step after the first error cannot be set to anything else; and taking back
 * the first error opens the steps it had filled.
 */
export function setStepLabel(
  labels: readonly (StepLabel | null)[],
  index: number,
  label: StepLabel,
  mode: "per_step" | "first_error",
): (StepLabel | null)[] {
  const next = labels.map((l, i) => (i === index ? label : l));
  if (mode !== "first_error") return next;
  const firstError = labels.indexOf(-1);
  if (firstError !== -1 && index > firstError) return [...labels];
  if (label === -1) return next.map((l, i) => (i > index ? -1 : l));
  if (firstError === index) return next.map((l, i) => (i > index ? null : l));
  return next;
}
