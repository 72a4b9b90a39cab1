import { binomialTest, cohenKappaFromLabels, majorityVote, quantile } from "@/server/stats";
import {
  goldVerdict,
  pairLabel,
  responsePairs,
  sameVerdict,
  verdictOf,
  type PairLabel,
  type Verdict,
} from "@/server/services/exports/verdicts";
import type { QualityData, QualityItem, QualityJudgement } from "./load-quality-data";

export interface Share {
  share: number | null;
  n: number;
  pValue: number | null;
}

/** Each counted vote on each response pair, keyed `${itemId}:${i}:${j}` (source positions). */
export type PairVotes = Map<string, { annotatorId: string; label: PairLabel }[]>;

export function pairVotes(data: QualityData, counted: readonly QualityJudgement[]): PairVotes {
  const votes: PairVotes = new Map();
  for (const j of counted) {
    const item = data.items.get(j.itemId);
    const verdict = item && verdictOf(j.payload, item.responses);
    if (!item || !verdict) continue;
    for (const pair of responsePairs(item.id, item.responses)) {
      const label = pairLabel(verdict, pair);
      if (label === null) continue;
      const list = votes.get(pair.key) ?? [];
      list.push({ annotatorId: j.annotatorId, label });
      votes.set(pair.key, list);
    }
  }
  return votes;
}

/**
 * Agreement and Cohen's κ of one annotator with the consensus of everyone else (strict
 * majority of the other counted votes on the same response pair; pairs where the others tie
 * are left out). Leaving the annotator out keeps a lone voice from agreeing with itself.
 */
export function consensusAgreement(
  annotatorId: string,
  own: readonly QualityJudgement[],
  data: QualityData,
  votes: PairVotes,
) {
  const mine: PairLabel[] = [];
  const theirs: PairLabel[] = [];
  for (const j of own) {
    if (j.probe) continue;
    const item = data.items.get(j.itemId);
    const verdict = item && verdictOf(j.payload, item.responses);
    if (!item || !verdict) continue;
    for (const pair of responsePairs(item.id, item.responses)) {
      const label = pairLabel(verdict, pair);
      const others = (votes.get(pair.key) ?? []).filter((v) => v.annotatorId !== annotatorId);
      const consensus = majorityVote(others.map((v) => v.label)).label;
      if (label === null || consensus === null) continue;
      mine.push(label);
      theirs.push(consensus);
    }
  }
  if (mine.length === 0) return { agreement: null, kappa: null, n: 0 };
  const agreed = mine.filter((label, i) => label === theirs[i]).length;
  const kappa = cohenKappaFromLabels(mine, theirs).kappa;
  return {
    agreement: agreed / mine.length,
    kappa: Number.isFinite(kappa) ? kappa : null,
    n: mine.length,
  };
}

export function goldAccuracy(own: readonly QualityJudgement[], data: QualityData) {
  let correct = 0;
  let n = 0;
  for (const j of own) {
    const item = data.items.get(j.itemId);
    if (!item || item.kind !== "gold" || j.probe) continue;
    const gold = goldVerdict(item.goldAnswer, item.responses);
    const verdict = verdictOf(j.payload, item.responses);
    if (!gold || !verdict) continue;
    n++;
    if (sameVerdict(verdict, gold, responsePairs(item.id, item.responses))) correct++;
  }
  return { accuracy: n === 0 ? null : correct / n, n };
}

/** A probe's answer against the annotator's own first answer to the same item. */
export function selfConsistency(own: readonly QualityJudgement[], data: QualityData) {
  const first = new Map<string, Verdict>();
  const probes: QualityJudgement[] = [];
  for (const j of own) {
    const item = data.items.get(j.itemId);
    const verdict = item && verdictOf(j.payload, item.responses);
    if (!verdict) continue;
    if (j.probe) probes.push(j);
    else first.set(j.itemId, verdict);
  }
  let agreed = 0;
  let n = 0;
  for (const probe of probes) {
    const item = data.items.get(probe.itemId);
    const before = first.get(probe.itemId);
    const now = item && verdictOf(probe.payload, item.responses);
    if (!item || !before || !now) continue;
    n++;
    if (sameVerdict(before, now, responsePairs(item.id, item.responses))) agreed++;
  }
  return { agreement: n === 0 ? null : agreed / n, n };
}

/** A decisive pairwise choice: one of exactly two responses preferred. */
function decisive(j: QualityJudgement, item: QualityItem | undefined): string | null {
  const choice = (j.payload as { choice?: unknown }).choice;
  if (!item || item.responses.length !== 2 || typeof choice !== "string") return null;
  return item.responses.some((r) => r.id === choice) ? choice : null;
}

function share(successes: number, n: number): Share {
  return {
    share: n === 0 ? null : successes / n,
    n,
    pValue: n === 0 ? null : binomialTest(successes, n, 0.5),
  };
}

/** Share of decisive verdicts for the response shown first, with an exact two-sided binomial p. */
export function positionBias(own: readonly QualityJudgement[], data: QualityData): Share {
  let first = 0;
  let n = 0;
  for (const j of own) {
    const choice = decisive(j, data.items.get(j.itemId));
    if (choice === null || j.displayOrder.length === 0) continue;
    n++;
    if (j.displayOrder[0] === choice) first++;
  }
  return share(first, n);
}

/** Share of decisive verdicts for the longer response (pairs of equal length left out). */
export function lengthBias(own: readonly QualityJudgement[], data: QualityData): Share {
  let longer = 0;
  let n = 0;
  for (const j of own) {
    const item = data.items.get(j.itemId);
    const choice = decisive(j, item);
    const [a, b] = item?.responses ?? [];
    if (choice === null || !a || !b || a.length === b.length) continue;
    n++;
    if (choice === (a.length > b.length ? a.id : b.id)) longer++;
  }
  return share(longer, n);
}

export function medianActiveSeconds(own: readonly QualityJudgement[]): {
  seconds: number | null;
  n: number;
} {
  const times = own.flatMap((j) => (j.activeMs === null ? [] : [j.activeMs / 1000]));
  return { seconds: times.length ? quantile(times, 0.5) : null, n: times.length };
}
