import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adjudications } from "@/db/schema";
import {
  bootstrapAlpha,
  distinctRatingValues,
  fleissKappa,
  percentAgreement,
} from "@/server/stats";
import {
  agreementQuestions,
  type AgreementQuestion,
  type AgreementUnit,
  type QuestionLevel,
} from "./agreement-questions";
import { countedJudgements, loadQualityData } from "./load-quality-data";

export interface QuestionAgreement {
  question: string;
  level: QuestionLevel;
  alpha: number | null;
  alphaCi: [number, number] | null;
  percentAgreement: number | null;
  /** Only when every unit has the same number of raters (and the level is categorical). */
  fleissKappa: number | null;
  /** Units with at least two values, and the values in them. */
  units: number;
  values: number;
}

export interface DisputedItem {
  itemId: string;
  externalId: string;
  /** 1 − the share of agreeing judgement pairs on the item's main question(s). */
  disagreement: number;
  judgements: number;
  adjudicated: boolean;
}

export interface AgreementReport {
  questions: QuestionAgreement[];
  disputed: DisputedItem[];
  seed: number;
  rounds: number;
}

export const AGREEMENT_DEFAULTS = { seed: 1, rounds: 200, disputed: 50 } as const;

/** DESIGN §9 agreement: per question α with a seeded bootstrap interval, and the disputed items. */
export async function getAgreement(
  db: Db,
  params: { campaignId: string; seed?: number; rounds?: number },
): Promise<AgreementReport> {
  const seed = params.seed ?? AGREEMENT_DEFAULTS.seed;
  const rounds = params.rounds ?? AGREEMENT_DEFAULTS.rounds;
  const data = await loadQualityData(db, { campaignId: params.campaignId });
  const counted = countedJudgements(data);
  const questions = agreementQuestions(data.campaign.template, data.items, counted);

  const adjudicated = new Set(
    (
      await db
        .select({ itemId: adjudications.itemId })
        .from(adjudications)
        .where(eq(adjudications.campaignId, data.campaign.id))
    ).map((a) => a.itemId),
  );
  const votes = new Map<string, number>();
  for (const j of counted) votes.set(j.itemId, (votes.get(j.itemId) ?? 0) + 1);

  return {
    questions: questions.map((q) => questionAgreement(q, seed, rounds)),
    disputed: disputedItems(questions, votes)
      .slice(0, AGREEMENT_DEFAULTS.disputed)
      .map((d) => ({
        ...d,
        externalId: data.items.get(d.itemId)?.externalId ?? "",
        adjudicated: adjudicated.has(d.itemId),
      })),
    seed,
    rounds,
  };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function questionAgreement(q: AgreementQuestion, seed: number, rounds: number): QuestionAgreement {
  const values = q.units.map((u) => u.values);
  const alpha = bootstrapAlpha(values, { metric: q.level, seed, rounds });
  const ci = alpha.ci.every(Number.isFinite) ? alpha.ci : null;
  return {
    question: q.question,
    level: q.level,
    alpha: finite(alpha.alpha),
    alphaCi: ci,
    percentAgreement: finite(percentAgreement(values).pairwise),
    fleissKappa: q.level === "interval" ? null : equalRaterKappa(q.units),
    units: alpha.pairableUnits,
    values: alpha.values,
  };
}

/** Fleiss' κ when every unit was judged by the same number (≥ 2) of raters; else null. */
function equalRaterKappa(units: readonly AgreementUnit[]): number | null {
  const raters = units[0]?.values.length ?? 0;
  if (raters < 2 || units.some((u) => u.values.length !== raters)) return null;
  const categories = distinctRatingValues(units.flatMap((u) => u.values));
  const rows = units.map((u) => categories.map((c) => u.values.filter((v) => v === c).length));
  return finite(fleissKappa(rows).kappa);
}

/** Items ordered by how much their judgements disagree on the primary questions. */
function disputedItems(
  questions: readonly AgreementQuestion[],
  votes: ReadonlyMap<string, number>,
): { itemId: string; disagreement: number; judgements: number }[] {
  const shares = new Map<string, { sum: number; units: number }>();
  for (const q of questions) {
    if (!q.primary) continue;
    for (const unit of q.units) {
      const share = percentAgreement([unit.values]);
      if (share.units === 0) continue;
      const s = shares.get(unit.itemId) ?? { sum: 0, units: 0 };
      s.sum += share.pairwise;
      s.units++;
      shares.set(unit.itemId, s);
    }
  }
  return [...shares]
    .map(([itemId, s]) => ({
      itemId,
      disagreement: 1 - s.sum / s.units,
      judgements: votes.get(itemId) ?? 0,
    }))
    .filter((d) => d.disagreement > 0)
    .sort(
      (x, y) =>
        y.disagreement - x.disagreement ||
        y.judgements - x.judgements ||
        (x.itemId < y.itemId ? -1 : 1),
    );
}
