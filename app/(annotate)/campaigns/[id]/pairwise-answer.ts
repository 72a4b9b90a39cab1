import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";

export const STRENGTH_OPTIONS = [
  { key: "q", value: "negligible", label: "Negligibly better" },
  { key: "w", value: "slight", label: "Slightly better" },
  { key: "e", value: "better", label: "Better" },
  { key: "r", value: "significant", label: "Significantly better" },
] as const;
export type StrengthValue = (typeof STRENGTH_OPTIONS)[number]["value"];

/** What the annotator has chosen so far; also the autosaved draft. */
export interface PairwiseAnswer {
  choice: string | null;
  strength: StrengthValue | null;
  criteria: Record<string, string>;
  rationale: string;
  flags: string[];
}

export const EMPTY_ANSWER: PairwiseAnswer = {
  choice: null,
  strength: null,
  criteria: {},
  rationale: "",
  flags: [],
};

export interface VerdictOption {
  key: string;
  value: string;
  label: string;
}

/** 1 A better, 2 B better, 3 tie, 4 both bad — the last two only when the template allows them. */
export function verdictOptions(
  template: PairwiseTemplate | null,
  responseIds: string[],
): VerdictOption[] {
  const [first, second] = responseIds;
  return [
    first !== undefined && { key: "1", value: first, label: "A is better" },
    second !== undefined && { key: "2", value: second, label: "B is better" },
    template?.allow_tie && { key: "3", value: "tie", label: "Tie" },
    template?.allow_both_bad && { key: "4", value: "both_bad", label: "Both bad" },
  ].filter((o): o is VerdictOption => Boolean(o));
}

/** A saved draft comes back only as far as it still fits this task and template. */
export function answerFromDraft(
  draft: unknown,
  template: PairwiseTemplate | null,
  responseIds: string[],
): PairwiseAnswer {
  const d = (draft ?? {}) as Partial<Record<keyof PairwiseAnswer, unknown>>;
  const choices = verdictOptions(template, responseIds).map((o) => o.value);
  const strengths: readonly string[] = STRENGTH_OPTIONS.map((s) => s.value);
  const criteria: Record<string, string> = {};
  if (d.criteria && typeof d.criteria === "object") {
    for (const [name, value] of Object.entries(d.criteria as Record<string, unknown>)) {
      if (
        template?.criteria.includes(name) &&
        typeof value === "string" &&
        [...responseIds, "tie"].includes(value)
      ) {
        criteria[name] = value;
      }
    }
  }
  return {
    choice: typeof d.choice === "string" && choices.includes(d.choice) ? d.choice : null,
    strength:
      typeof d.strength === "string" && strengths.includes(d.strength)
        ? (d.strength as StrengthValue)
        : null,
    criteria,
    rationale: typeof d.rationale === "string" ? d.rationale : "",
    flags: Array.isArray(d.flags)
      ? d.flags.filter(
          (f): f is string => typeof f === "string" && Boolean(template?.flags.includes(f)),
        )
      : [],
  };
}

/** Why the answer cannot be submitted yet, or null when it can. Mirrors the server's payload rules. */
export function answerProblem(
  answer: PairwiseAnswer,
  template: PairwiseTemplate | null,
  responseIds: string[],
): string | null {
  if (!answer.choice) return "Choose a verdict";
  const preferred = responseIds.includes(answer.choice);
  if (template?.strength && preferred && !answer.strength) return "Choose how much better";
  const answered = Object.keys(answer.criteria).length;
  if (template && answered > 0 && answered < template.criteria.length)
    return "Answer every criterion, or none";
  const min = template?.rationale.required ? Math.max(1, template.rationale.min_length) : 0;
  if (answer.rationale.trim().length < min)
    return `Write a rationale of at least ${min} characters`;
  return null;
}

/** The judgement payload (DESIGN §5): only the keys this template enables. */
export function answerToPayload(
  answer: PairwiseAnswer,
  template: PairwiseTemplate | null,
  responseIds: string[],
) {
  const preferred = answer.choice !== null && responseIds.includes(answer.choice);
  const rationale = answer.rationale.trim();
  return {
    choice: answer.choice ?? "",
    ...(template?.strength && preferred && answer.strength ? { strength: answer.strength } : {}),
    ...(template &&
    template.criteria.length > 0 &&
    Object.keys(answer.criteria).length === template.criteria.length
      ? { criteria: answer.criteria }
      : {}),
    ...(rationale ? { rationale } : {}),
    ...(answer.flags.length > 0 ? { flags: answer.flags } : {}),
  };
}

/** Only what the annotator touched is saved, so an untouched task writes no draft. */
export function answerToDraft(answer: PairwiseAnswer): PairwiseAnswer | null {
  const touched =
    answer.choice !== null ||
    answer.strength !== null ||
    answer.rationale !== "" ||
    answer.flags.length > 0 ||
    Object.keys(answer.criteria).length > 0;
  return touched ? answer : null;
}
