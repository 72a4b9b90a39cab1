import type { RatingValue } from "@/server/stats";
import type { JudgementPayload, PairwisePayload } from "@/server/domain/judgement-payload";
import type { TemplateConfig } from "@/server/domain/template-config";
import type { AgreementLevel } from "./judge-agreement";

/** What a judge is compared with the humans on, and how its values compare. */
export interface JudgeQuestion {
  /** "choice", like the campaign's agreement report names it. */
  question: string;
  level: AgreementLevel;
}

/** The questions a template's verdicts answer, the headline one first. */
export function judgeQuestions(template: TemplateConfig): JudgeQuestion[] {
  if (template.kind === "pairwise") return [{ question: "choice", level: "nominal" }];
  return [];
}

/**
 * A verdict (the judge's or a human's) as one value per unit and question. Verdicts name
 * response ids, which differ from item to item, so a response is named by its place in the
 * item's source order: "first", "second" (or tie, both_bad) mean the same on every item, and κ
 * counts the same categories everywhere.
 */
export function verdictUnits(
  template: TemplateConfig,
  itemId: string,
  responseOrder: readonly string[],
  payload: JudgementPayload,
): Map<string, [unit: string, value: RatingValue][]> {
  const units = new Map<string, [string, RatingValue][]>();
  if (template.kind === "pairwise") {
    const choice = (payload as PairwisePayload).choice;
    const label = positionLabel(responseOrder, choice);
    if (label !== null) units.set("choice", [[itemId, label]]);
  }
  return units;
}

function positionLabel(responseOrder: readonly string[], choice: unknown): string | null {
  if (choice === "tie" || choice === "both_bad") return choice;
  const index = typeof choice === "string" ? responseOrder.indexOf(choice) : -1;
  return index === 0 ? "first" : index === 1 ? "second" : null;
}

/**
 * The one response a verdict puts on top, for position bias; null when it puts none alone
 * there (a tie, both bad).
 */
export function topChoice(payload: JudgementPayload, responseIds: readonly string[]): string | null {
  const choice = (payload as PairwisePayload).choice;
  return typeof choice === "string" && responseIds.includes(choice) ? choice : null;
}
