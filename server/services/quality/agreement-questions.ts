import type { AlphaMetric, RatingValue } from "@/server/stats";
import type { TemplateConfig } from "@/server/domain/template-config";
import type {
  PairwisePayload,
  RankingPayload,
  RatingPayload,
  StepsPayload,
  TurnsPayload,
  TurnVerdict,
} from "@/server/domain/judgement-payload";
import { STRENGTHS } from "@/server/domain/judgement-payload";
import type { QualityItem, QualityJudgement } from "./load-quality-data";
import { positionalLabel } from "@/server/domain/positional-label";
import { turnUnitId } from "@/server/domain/turns";

export type QuestionLevel = Extract<AlphaMetric, "nominal" | "ordinal" | "interval">;

/** A unit: what several people judged (an item, or an item's response), with one value each. */
export interface AgreementUnit {
  itemId: string;
  values: RatingValue[];
}

export interface AgreementQuestion {
  /** "choice" | "strength" | "criteria.<name>" | "ranking" | "ratings.<attribute>" | "steps" */
  question: string;
  level: QuestionLevel;
  /** Whether an item's disagreement on this question puts it on the disputed list. */
  primary: boolean;
  units: AgreementUnit[];
}

/** A response's position label in its item (see positionalLabel). */
function positional(item: QualityItem, id: string | undefined): string | undefined {
  return positionalLabel(item.responses.map((r) => r.id), id);
}

/**
 * The questions a template asks and each one's units, read from the counted judgements.
 * Choice and criteria are nominal; strength is ordinal on a signed scale (first response much
 * better … tie … second much better); a ranking is ordinal per response (its rank); a rating
 * attribute is interval per response; a step label (+1 / 0 / −1) is nominal per step. Under a
 * per-turn template each compared turn is a unit of its own for choice, strength and criteria.
 */
export function agreementQuestions(
  template: TemplateConfig,
  items: ReadonlyMap<string, QualityItem>,
  judgements: readonly QualityJudgement[],
): AgreementQuestion[] {
  const byKey = new Map<string, Map<string, AgreementUnit>>();
  const add = (
    question: string,
    unitKey: string,
    itemId: string,
    value: RatingValue | undefined,
  ) => {
    if (value === undefined) return;
    let units = byKey.get(question);
    if (!units) byKey.set(question, (units = new Map()));
    let unit = units.get(unitKey);
    if (!unit) units.set(unitKey, (unit = { itemId, values: [] }));
    unit.values.push(value);
  };

  const asksChoice =
    template.kind === "pairwise" || (template.kind === "rating" && template.then === "pairwise");
  const asksRanking =
    template.kind === "ranking" || (template.kind === "rating" && template.then === "ranking");
  for (const j of judgements) {
    const item = items.get(j.itemId);
    if (!item) continue;
    // A per-turn judgement holds one pairwise verdict per turn: each (item, turn) is a unit.
    for (const { verdict: p, unit } of asksChoice ? pairwiseVerdicts(item.id, j.payload) : []) {
      add("choice", unit, item.id, positional(item, p.choice));
      if (template.kind === "pairwise" && template.strength)
        add("strength", unit, item.id, signedStrength(item, p));
      if (template.kind === "pairwise") {
        for (const name of template.criteria) {
          add(`criteria.${name}`, unit, item.id, positional(item, p.criteria?.[name]));
        }
      }
    }
    if (asksRanking) {
      const ranking = (j.payload as RankingPayload).ranking;
      ranking?.forEach((group, rank) => {
        for (const id of group) add("ranking", `${item.id}:${id}`, item.id, rank + 1);
      });
    }
    if (template.kind === "rating") {
      const ratings = (j.payload as RatingPayload).ratings;
      for (const [responseId, byAttribute] of Object.entries(ratings ?? {})) {
        for (const attribute of template.attributes) {
          add(
            `ratings.${attribute.name}`,
            `${item.id}:${responseId}`,
            item.id,
            byAttribute[attribute.name],
          );
        }
      }
    }
    if (template.kind === "steps") {
      for (const [responseId, labels] of Object.entries((j.payload as StepsPayload).steps ?? {})) {
        labels.forEach((label, step) => add("steps", `${item.id}:${responseId}:${step}`, item.id, label));
      }
    }
  }

  const order: { question: string; level: QuestionLevel; primary: boolean }[] = [];
  if (template.kind === "steps") order.push({ question: "steps", level: "nominal", primary: true });
  if (asksChoice) order.push({ question: "choice", level: "nominal", primary: true });
  if (template.kind === "pairwise" && template.strength)
    order.push({ question: "strength", level: "ordinal", primary: false });
  if (template.kind === "pairwise") {
    for (const name of template.criteria)
      order.push({ question: `criteria.${name}`, level: "nominal", primary: false });
  }
  if (asksRanking) order.push({ question: "ranking", level: "ordinal", primary: true });
  if (template.kind === "rating") {
    for (const a of template.attributes)
      order.push({
        question: `ratings.${a.name}`,
        level: "interval",
        primary: !asksChoice && !asksRanking,
      });
  }
  return order.map((q) => ({ ...q, units: [...(byKey.get(q.question)?.values() ?? [])] }));
}

/** A judgement's pairwise verdicts with their unit: the item, or each of its turns (`<item>:turn<k>`). */
function pairwiseVerdicts(itemId: string, payload: unknown): { verdict: TurnVerdict; unit: string }[] {
  const turns = (payload as Partial<TurnsPayload>).turns;
  if (!Array.isArray(turns)) return [{ verdict: payload as PairwisePayload, unit: itemId }];
  return turns.map((verdict, k) => ({ verdict, unit: turnUnitId(itemId, k + 1) }));
}

/** −4 … −1 first response better (significant … negligible), 0 tie or both bad, 1 … 4 second better. */
function signedStrength(item: QualityItem, p: TurnVerdict): number | undefined {
  if (p.choice === "tie" || p.choice === "both_bad") return 0;
  if (p.strength === undefined) return undefined;
  const magnitude = STRENGTHS.indexOf(p.strength) + 1;
  const index = item.responses.findIndex((r) => r.id === p.choice);
  if (index < 0 || item.responses.length !== 2) return undefined;
  return index === 0 ? -magnitude : magnitude;
}
