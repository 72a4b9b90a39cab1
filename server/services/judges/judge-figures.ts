import type { JudgementPayload } from "@/server/domain/judgement-payload";
import type { TemplateConfig } from "@/server/domain/template-config";
import { binomialTest, type RatingValue } from "@/server/stats";
import { agreementFigure, consensusValues, type AgreementFigure, type AgreementLevel } from "./judge-agreement";
import { judgeQuestions, topChoice, verdictUnits } from "./judge-questions";

export type { AgreementFigure } from "./judge-agreement";

/** One stored verdict of a judge, for the figures. */
export interface JudgeVerdict {
  itemId: string;
  displayOrder: string[];
  payload: JudgementPayload;
  consistent: boolean | null;
  tokens: number;
}

export interface HumanVerdict {
  itemId: string;
  annotatorId: string;
  payload: JudgementPayload;
  /** False for an excluded annotator: measured against the judge, left out of the consensus. */
  counted: boolean;
}

export interface QuestionFigures {
  question: string;
  level: AgreementLevel;
  humanConsensus: AgreementFigure;
  annotators: ({ annotatorId: string } & AgreementFigure)[];
}

export interface JudgeFigures {
  verdicts: number;
  items: number;
  swapConsistency: { consistent: number; n: number; rate: number | null };
  /** Share of verdicts with one response on top that put the one shown first there. */
  positionBias: { firstShare: number | null; expectedShare: number | null; n: number; pValue: number | null };
  /** The headline question's figures (the first of `questions`). */
  humanConsensus: AgreementFigure;
  annotators: ({ annotatorId: string } & AgreementFigure)[];
  questions: QuestionFigures[];
  tokens: { total: number; perVerdict: number | null };
}

type Units = Map<string, Map<string, RatingValue>>;

function addUnits(into: Units, found: ReturnType<typeof verdictUnits>): void {
  for (const [question, values] of found) {
    const map = into.get(question) ?? new Map<string, RatingValue>();
    for (const [unit, value] of values) map.set(unit, value);
    into.set(question, map);
  }
}

/**
 * How far a judge can be trusted (DESIGN §15), from its two-order verdicts and the humans'
 * live judgements. The judge's answer on an item is its verdict when both orders agree: an
 * inconsistent item gives the judge no answer, so it is never credited for a coin flip.
 * Agreement is measured per question on values that mean the same across items (see
 * verdictUnits), with the strict-majority (or mean) consensus of the counted annotators.
 */
export function judgeFigures(params: {
  template: TemplateConfig;
  verdicts: JudgeVerdict[];
  humans: HumanVerdict[];
  /** Response ids of each item in source order. */
  responseOrder: Map<string, string[]>;
}): JudgeFigures {
  const { template, verdicts, humans, responseOrder } = params;
  const unitsOf = (itemId: string, payload: JudgementPayload) =>
    verdictUnits(template, itemId, responseOrder.get(itemId) ?? [], payload);

  const byItem = new Map<string, JudgeVerdict[]>();
  for (const v of verdicts) byItem.set(v.itemId, [...(byItem.get(v.itemId) ?? []), v]);
  const judge: Units = new Map();
  let consistent = 0;
  let paired = 0;
  for (const [itemId, pair] of byItem) {
    const first = pair[0];
    if (pair.length !== 2 || !first || first.consistent === null) continue;
    paired++;
    if (!first.consistent) continue;
    consistent++;
    addUnits(judge, unitsOf(itemId, first.payload));
  }

  let topped = 0;
  let firstWins = 0;
  let expected = 0;
  for (const v of verdicts) {
    const top = topChoice(v.payload, v.displayOrder);
    if (top === null) continue;
    topped++;
    expected += 1 / v.displayOrder.length;
    if (top === v.displayOrder[0]) firstWins++;
  }
  // Every verdict of a campaign shows the same number of responses, so the null share is one number.
  const nullShare = topped === 0 ? null : expected / topped;

  const perAnnotator = new Map<string, Units>();
  const counted = new Set<string>();
  for (const h of humans) {
    const mine = perAnnotator.get(h.annotatorId) ?? new Map();
    addUnits(mine, unitsOf(h.itemId, h.payload));
    perAnnotator.set(h.annotatorId, mine);
    if (h.counted) counted.add(h.annotatorId);
  }

  const questions = judgeQuestions(template).map(({ question, level }): QuestionFigures => {
    const mine = judge.get(question) ?? new Map<string, RatingValue>();
    const theirs = (id: string) => perAnnotator.get(id)?.get(question) ?? new Map<string, RatingValue>();
    const consensus = consensusValues([...counted].map(theirs), level);
    return {
      question,
      level,
      humanConsensus: agreementFigure(mine, consensus, level),
      annotators: [...perAnnotator.keys()].map((annotatorId) => ({
        annotatorId,
        ...agreementFigure(mine, theirs(annotatorId), level),
      })),
    };
  });

  const tokens = verdicts.reduce((sum, v) => sum + v.tokens, 0);
  const none: AgreementFigure = { n: 0, agreement: null, kappa: null, alpha: null };
  return {
    verdicts: verdicts.length,
    items: byItem.size,
    swapConsistency: { consistent, n: paired, rate: paired === 0 ? null : consistent / paired },
    positionBias: {
      firstShare: topped === 0 ? null : firstWins / topped,
      expectedShare: nullShare,
      n: topped,
      pValue: nullShare === null ? null : binomialTest(firstWins, topped, nullShare),
    },
    humanConsensus: questions[0]?.humanConsensus ?? none,
    annotators: questions[0]?.annotators ?? [],
    questions,
    tokens: { total: tokens, perVerdict: verdicts.length === 0 ? null : tokens / verdicts.length },
  };
}
