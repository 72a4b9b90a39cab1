import type { RatingValue } from "@/server/stats";
import type { JudgementPayload, PairwisePayload, RatingPayload } from "@/server/domain/judgement-payload";
import type { TemplateConfig } from "@/server/domain/template-config";
import { pairLabel, responsePairs, verdictOf } from "@/server/services/exports/verdicts";
import type { AgreementLevel } from "./judge-agreement";
import { positionalLabel } from "@/server/domain/positional-label";

/** What a judge is compared with the humans on, and how its values compare. */
export interface JudgeQuestion {
  /** "choice", "ranking" or "ratings.<attribute>", as the campaign's agreement report names them. */
  question: string;
  level: AgreementLevel;
}

/**
 * The questions a template's verdicts answer, the headline one first. A ranking is compared
 * pair by pair: every pair of responses is a unit whose value says which of the two the order
 * puts higher (or a tie, or both bad for "none is acceptable"), so a judge that swaps two
 * neighbours disagrees on one pair, not on the whole order, and κ and α stay nominal. A rating
 * attribute is compared per rated response on its scale: interval α, no κ.
 */
export function judgeQuestions(template: TemplateConfig): JudgeQuestion[] {
  if (template.kind === "pairwise") return [{ question: "choice", level: "nominal" }];
  if (template.kind === "ranking") return [{ question: "ranking", level: "nominal" }];
  if (template.kind !== "rating") return [];
  return [
    ...template.attributes.map((a) => ({ question: `ratings.${a.name}`, level: "interval" as const })),
    ...(template.then === "pairwise" ? [{ question: "choice", level: "nominal" as const }] : []),
    ...(template.then === "ranking" ? [{ question: "ranking", level: "nominal" as const }] : []),
  ];
}

type Found = Map<string, [unit: string, value: RatingValue][]>;

/**
 * A verdict (the judge's or a human's) as one value per unit and question. Verdicts name
 * response ids, which differ from item to item, so a response is named by its place in the
 * item's source order ("r1", "r2", …, as the campaign's agreement report does): the values mean
 * the same on every item, and κ counts the same categories everywhere.
 */
export function verdictUnits(
  template: TemplateConfig,
  itemId: string,
  responseOrder: readonly string[],
  payload: JudgementPayload,
): Found {
  const found: Found = new Map();
  const add = (question: string, unit: string, value: RatingValue) =>
    found.set(question, [...(found.get(question) ?? []), [unit, value]]);
  const asks = new Set(judgeQuestions(template).map((q) => q.question));

  const choice = (payload as PairwisePayload).choice;
  if (asks.has("choice") && typeof choice === "string") {
    const value = positionalLabel(responseOrder, choice);
    if (value !== undefined) add("choice", itemId, value);
  }
  if (asks.has("ranking")) {
    const responses = responseOrder.map((id) => ({ id }));
    const verdict = verdictOf(payload, responses);
    if (verdict) {
      for (const pair of responsePairs(itemId, responses)) {
        const label = pairLabel(verdict, pair);
        if (label !== null) add("ranking", pair.key, label);
      }
    }
  }
  const ratings = (payload as RatingPayload).ratings;
  if (template.kind === "rating" && ratings) {
    for (const [responseId, values] of Object.entries(ratings)) {
      if (!responseOrder.includes(responseId)) continue;
      for (const a of template.attributes) {
        const value = values[a.name];
        if (typeof value === "number") add(`ratings.${a.name}`, `${itemId}:${responseId}`, value);
      }
    }
  }
  return found;
}

/**
 * The one response a verdict puts on top, for position bias: the pairwise choice, the sole
 * response of a ranking's first group, or the one rated highest over all attributes; null when
 * it puts none alone there (a tie, both bad, one response only).
 */
export function topChoice(payload: JudgementPayload, shown: readonly string[]): string | null {
  if (shown.length < 2) return null;
  const p = payload as { choice?: unknown; ranking?: unknown; ratings?: RatingPayload["ratings"] };
  if (typeof p.choice === "string") return shown.includes(p.choice) ? p.choice : null;
  if (Array.isArray(p.ranking)) {
    const first = (p.ranking as string[][])[0];
    return first?.length === 1 && first[0] !== undefined && shown.includes(first[0]) ? first[0] : null;
  }
  if (!p.ratings) return null;
  const totals = shown.map((id) => Object.values(p.ratings?.[id] ?? {}).reduce((sum, x) => sum + x, 0));
  const best = Math.max(...totals);
  return totals.filter((t) => t === best).length === 1 ? (shown[totals.indexOf(best)] ?? null) : null;
}
