import { fitBradleyTerry, majorityVote, rankedPairs, type Battle } from "@/server/stats";
import { rankingToPairs } from "@/server/formats/ranking-pairs";
import type { Aggregation } from "./export-options";
import type { ItemBundle } from "./item-bundles";
import {
  consensusMargin,
  outcomeFor,
  type ItemVerdict,
  type PairOutcome,
  type PairVotes,
  type Vote,
} from "./pair-votes";
import type { PairLabel } from "./verdicts";

/** Campaign-wide Dawid–Skene labels by pair key (see dawid-skene-labels.ts). */
export type PairLabels = ReadonlyMap<string, PairLabel>;

/**
 * Aggregation `none`: every judgement yields its own pairs. A K-wise ranking expands into its
 * C(K,2) comparisons (ranking-pairs.ts), grouped by the judgement so a trainer can weigh the
 * ranking as one example; ties inside a ranking are added only when the export keeps ties.
 */
export function outcomesPerJudgement(
  bundle: ItemBundle,
  verdicts: readonly ItemVerdict[],
  pairs: readonly PairVotes[],
): PairOutcome[] {
  const outcomes: PairOutcome[] = [];
  for (const v of verdicts) {
    if (bundle.responses.length > 2 && v.verdict.kind === "order") {
      const ranked = {
        ...bundle.item,
        itemExternalId: bundle.item.externalId,
        responses: bundle.responses,
      };
      for (const pair of rankingToPairs(ranked, v.verdict.groups, v.judgementId)) {
        outcomes.push({ verdict: "preferred", pair: v.judge === undefined ? pair : { ...pair, judge: v.judge } });
      }
      for (const { pair, votes } of pairs) {
        const vote = votes.find((x) => x.judgementId === v.judgementId);
        if (vote?.label === "tie")
          outcomes.push(outcomeFor(bundle, pair, "tie", { groupId: v.judgementId, judge: v.judge }));
      }
      continue;
    }
    for (const { pair, votes } of pairs) {
      const vote = votes.find((x) => x.judgementId === v.judgementId);
      if (vote)
        outcomes.push(
          outcomeFor(bundle, pair, vote.label, { margin: vote.margin, groupId: v.judgementId, judge: v.judge }),
        );
    }
  }
  return outcomes;
}

/**
 * One consensus label per response pair. Majority and Dawid–Skene decide each pair from its
 * votes (a tied majority decides nothing, so the pair is left out); Bradley–Terry and ranked
 * pairs first order the item's responses and read each pair off that order. A pair most
 * annotators called "both bad" stays both-bad whatever the method, as no order can say it.
 */
export function consensusLabels(
  bundle: ItemBundle,
  verdicts: readonly ItemVerdict[],
  pairs: readonly PairVotes[],
  method: Exclude<Aggregation, "none">,
  dsLabels: PairLabels,
): Map<string, PairLabel> {
  const labels = new Map<string, PairLabel>();
  if (method === "majority" || method === "dawid-skene") {
    for (const { pair, votes } of pairs) {
      const label =
        method === "majority"
          ? majorityVote(votes.map((v) => v.label)).label
          : dsLabels.get(pair.key);
      if (label) labels.set(pair.key, label);
    }
    return labels;
  }
  const order =
    method === "bradley-terry" ? bradleyTerryOrder(pairs) : rankedPairsOrder(bundle, verdicts);
  for (const { pair, votes } of pairs) {
    if (votes.length === 0) continue;
    if (majorityVote(votes.map((v) => v.label)).label === "both_bad") {
      labels.set(pair.key, "both_bad");
      continue;
    }
    const label = order(pair.a.id, pair.b.id);
    if (label) labels.set(pair.key, label);
  }
  return labels;
}

export function outcomesFromLabels(
  bundle: ItemBundle,
  pairs: readonly PairVotes[],
  labels: ReadonlyMap<string, PairLabel>,
): PairOutcome[] {
  return pairs.flatMap(({ pair, votes }) => {
    const label = labels.get(pair.key);
    if (!label) return [];
    return [
      outcomeFor(bundle, pair, label, {
        margin: consensusMargin(votes, label),
        groupId: bundle.item.id,
        judge: consensusJudges(votes, label),
      }),
    ];
  });
}

/**
 * Which judges an aggregated judge row speaks for: those whose votes say what the row says
 * (every judge that voted, when the method's order agrees with no single vote). Undefined for
 * human votes, which never name their annotator.
 */
function consensusJudges(votes: readonly Vote[], label: PairLabel): string | undefined {
  const judged = votes.filter((v) => v.judge !== undefined);
  if (judged.length === 0) return undefined;
  const agreeing = judged.filter((v) => v.label === label);
  return [...new Set((agreeing.length ? agreeing : judged).map((v) => v.judge))].sort().join(", ");
}

/** LMSYS-style Bradley–Terry over the item's pair votes (ties and both-bad count half). */
function bradleyTerryOrder(
  pairs: readonly PairVotes[],
): (a: string, b: string) => PairLabel | null {
  const battles: Battle[] = pairs.flatMap(({ pair, votes }) =>
    votes.map((v) => ({
      modelA: pair.a.id,
      modelB: pair.b.id,
      winner: v.label === "a" ? "a" : v.label === "b" ? "b" : "tie",
    })),
  );
  if (battles.length === 0) return () => null;
  const { ratings } = fitBradleyTerry(battles);
  return (a, b) => {
    const ra = ratings[a];
    const rb = ratings[b];
    if (ra === undefined || rb === undefined || Number.isNaN(ra) || Number.isNaN(rb)) return null;
    // Equal records give equal ratings up to rounding; that is a tie, not a coin toss.
    if (Math.abs(ra - rb) < 1e-6) return "tie";
    return ra > rb ? "a" : "b";
  };
}

/**
 * Tideman ranked pairs over the judgements' orders, as Open-Assistant merges rankings. A pair
 * is decided only when the locked majorities connect it; otherwise the ballots left it even.
 */
function rankedPairsOrder(
  bundle: ItemBundle,
  verdicts: readonly ItemVerdict[],
): (a: string, b: string) => PairLabel | null {
  const ballots = verdicts.flatMap((v) => (v.verdict.kind === "order" ? [v.verdict.groups] : []));
  if (ballots.length === 0) return () => null;
  const { locked } = rankedPairs(ballots, { candidates: bundle.responses.map((r) => r.id) });
  const beats = new Map<string, string[]>();
  for (const [winner, loser] of locked) beats.set(winner, [...(beats.get(winner) ?? []), loser]);
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set([from]);
    const stack = [from];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (next === to) return true;
      for (const n of beats.get(next) ?? []) if (!seen.has(n) && seen.add(n)) stack.push(n);
    }
    return false;
  };
  return (a, b) => (reaches(a, b) ? "a" : reaches(b, a) ? "b" : "tie");
}

/**
 * The consensus as an order of response ids (groups best first) for the rankings export:
 * each response's consensus wins over the others (Copeland), equal counts sharing a rank.
 */
export function orderFromLabels(
  bundle: ItemBundle,
  pairs: readonly PairVotes[],
  labels: ReadonlyMap<string, PairLabel>,
): string[][] {
  const wins = new Map(bundle.responses.map((r) => [r.id, 0]));
  for (const { pair } of pairs) {
    const label = labels.get(pair.key);
    const add = (id: string, by: number) => wins.set(id, (wins.get(id) ?? 0) + by);
    if (label === "a") add(pair.a.id, 1);
    else if (label === "b") add(pair.b.id, 1);
    else if (label === "tie") {
      add(pair.a.id, 0.5);
      add(pair.b.id, 0.5);
    }
  }
  const scores = [...new Set(wins.values())].sort((x, y) => y - x);
  return scores.map((score) =>
    bundle.responses.filter((r) => wins.get(r.id) === score).map((r) => r.id),
  );
}
