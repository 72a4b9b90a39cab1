import { binomialTest, cohenKappaFromLabels, majorityVote } from "@/server/stats";

/** One stored verdict of a judge, for the figures. */
export interface JudgeVerdict {
  itemId: string;
  displayOrder: string[];
  choice: string;
  consistent: boolean | null;
  tokens: number;
}

export interface HumanVerdict {
  itemId: string;
  annotatorId: string;
  choice: string;
}

export interface AgreementFigure {
  n: number;
  agreement: number | null;
  kappa: number | null;
}

export interface JudgeFigures {
  verdicts: number;
  items: number;
  swapConsistency: { consistent: number; n: number; rate: number | null };
  positionBias: { firstShare: number | null; n: number; pValue: number | null };
  humanConsensus: AgreementFigure;
  annotators: ({ annotatorId: string } & AgreementFigure)[];
  tokens: { total: number; perVerdict: number | null };
}

/**
 * How far a judge can be trusted (DESIGN §15), from its two-order verdicts and the humans'
 * live judgements. An item's judge label is its verdict when both orders agree (an inconsistent
 * item has no label); labels compare across items as "first"/"second" in import order, tie or
 * both_bad, so κ is computed over the same categories for every item.
 */
export function judgeFigures(params: {
  verdicts: JudgeVerdict[];
  humans: HumanVerdict[];
  /** Response ids of each item in import order. */
  responseOrder: Map<string, string[]>;
}): JudgeFigures {
  const { verdicts, humans, responseOrder } = params;
  const label = (itemId: string, choice: string): string => {
    const index = responseOrder.get(itemId)?.indexOf(choice) ?? -1;
    return index === 0 ? "first" : index === 1 ? "second" : choice;
  };

  const byItem = new Map<string, JudgeVerdict[]>();
  for (const v of verdicts) byItem.set(v.itemId, [...(byItem.get(v.itemId) ?? []), v]);
  const judged = new Map<string, string>();
  let consistent = 0;
  let paired = 0;
  for (const [itemId, pair] of byItem) {
    if (pair.length !== 2 || pair[0]?.consistent === null) continue;
    paired++;
    if (pair[0]?.consistent) {
      consistent++;
      judged.set(itemId, label(itemId, pair[0].choice));
    }
  }

  const decisive = verdicts.filter((v) => v.displayOrder.includes(v.choice));
  const firstWins = decisive.filter((v) => v.displayOrder[0] === v.choice).length;

  const consensus = new Map<string, string>();
  const humanLabels = new Map<string, Map<string, string>>();
  for (const h of humans) {
    const mine = humanLabels.get(h.annotatorId) ?? new Map<string, string>();
    mine.set(h.itemId, label(h.itemId, h.choice));
    humanLabels.set(h.annotatorId, mine);
  }
  const perItem = new Map<string, string[]>();
  for (const h of humans) perItem.set(h.itemId, [...(perItem.get(h.itemId) ?? []), label(h.itemId, h.choice)]);
  for (const [itemId, labels] of perItem) {
    const winner = majorityVote(labels).label;
    if (winner !== null) consensus.set(itemId, winner);
  }

  const tokens = verdicts.reduce((sum, v) => sum + v.tokens, 0);
  return {
    verdicts: verdicts.length,
    items: byItem.size,
    swapConsistency: { consistent, n: paired, rate: paired === 0 ? null : consistent / paired },
    positionBias: {
      firstShare: decisive.length === 0 ? null : firstWins / decisive.length,
      n: decisive.length,
      pValue: decisive.length === 0 ? null : binomialTest(firstWins, decisive.length),
    },
    humanConsensus: agreement(judged, consensus),
    annotators: [...humanLabels].map(([annotatorId, labels]) => ({ annotatorId, ...agreement(judged, labels) })),
    tokens: { total: tokens, perVerdict: verdicts.length === 0 ? null : tokens / verdicts.length },
  };
}

function agreement(judge: Map<string, string>, other: Map<string, string>): AgreementFigure {
  const a: string[] = [];
  const b: string[] = [];
  for (const [itemId, label] of judge) {
    const theirs = other.get(itemId);
    if (theirs === undefined) continue;
    a.push(label);
    b.push(theirs);
  }
  if (a.length === 0) return { n: 0, agreement: null, kappa: null };
  const same = a.filter((l, i) => l === b[i]).length;
  const kappa = cohenKappaFromLabels(a, b).kappa;
  return { n: a.length, agreement: same / a.length, kappa: Number.isFinite(kappa) ? kappa : null };
}
