import { pairSide, type PreferencePair } from "@/server/formats/preference-pair";
import { marginFor, type MarginScale } from "@/server/formats/margins";
import { majorityVote } from "@/server/stats";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import type { ItemBundle } from "./item-bundles";
import {
  pairLabel,
  responsePairs,
  verdictOf,
  type PairLabel,
  type ResponsePair,
  type Verdict,
} from "./verdicts";

export interface Vote {
  label: PairLabel;
  annotatorId: string;
  judgementId: string;
  /** The reward margin the vote's strength stands for, when it has one. */
  margin?: number;
  /** The LLM judge that cast the vote (ai-judgements exports only). */
  judge?: string;
}

export interface PairVotes {
  pair: ResponsePair;
  votes: Vote[];
}

/** One judgement's verdict, kept with who gave it. */
export interface ItemVerdict {
  judgementId: string;
  annotatorId: string;
  verdict: Verdict;
  margin?: number;
  judge?: string;
}

/** What one exported pair says: a preference, or (when kept) a tie or a both-bad verdict. */
export interface PairOutcome {
  verdict: "preferred" | "tie" | "both_bad";
  /** For ties and both-bad, `chosen` is simply the earlier response in source order. */
  pair: PreferencePair;
}

export function itemVerdicts(bundle: ItemBundle, scale: MarginScale): ItemVerdict[] {
  const verdicts: ItemVerdict[] = [];
  for (const j of bundle.judgements) {
    const verdict = verdictOf(j.payload, bundle.responses);
    if (!verdict) continue;
    const margin = marginFor((j.payload as PairwisePayload).strength, scale);
    verdicts.push({ judgementId: j.id, annotatorId: j.annotatorId, verdict, margin, ...(j.judge ? { judge: j.judge } : {}) });
  }
  return verdicts;
}

export function votesByPair(bundle: ItemBundle, verdicts: readonly ItemVerdict[]): PairVotes[] {
  return responsePairs(bundle.item.id, bundle.responses).map((pair) => ({
    pair,
    votes: verdicts.flatMap((v) => {
      const label = pairLabel(v.verdict, pair);
      if (label === null) return [];
      return [{ label, annotatorId: v.annotatorId, judgementId: v.judgementId, margin: v.margin, judge: v.judge }];
    }),
  }));
}

/**
 * How much an item's annotators agree: the share of the most common answer, averaged over
 * the item's response pairs (a pairwise item has one). 1 = unanimous; 0 when nobody voted.
 */
export function itemAgreement(pairs: readonly PairVotes[]): number {
  const shares = pairs
    .filter((p) => p.votes.length > 0)
    .map((p) => majorityVote(p.votes.map((v) => v.label)).share);
  return shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
}

/** The mean margin of the votes that agree with the consensus; undefined when none has one. */
export function consensusMargin(votes: readonly Vote[], label: PairLabel): number | undefined {
  const margins = votes
    .filter((v) => v.label === label && v.margin !== undefined)
    .map((v) => v.margin ?? 0);
  return margins.length ? margins.reduce((a, b) => a + b, 0) / margins.length : undefined;
}

/** A pair outcome for a label on a pair; K-wise items carry their group and weight. */
export function outcomeFor(
  bundle: ItemBundle,
  pair: ResponsePair,
  label: PairLabel,
  extras: { margin?: number; groupId?: string; judge?: string },
): PairOutcome {
  const [chosen, rejected] = label === "b" ? [pair.b, pair.a] : [pair.a, pair.b];
  const k = bundle.responses.length;
  const preferencePair: PreferencePair = {
    itemExternalId: bundle.item.externalId,
    // One turn of a per-turn item is asked in the chosen side's conversation (turn-bundles.ts).
    prompt: chosen.context ?? bundle.item.prompt,
    promptFormat: bundle.item.promptFormat,
    chosen: pairSide(chosen),
    rejected: pairSide(rejected),
    source: bundle.item.source,
    ...(bundle.turn === undefined ? {} : { turn: bundle.turn }),
  };
  if (extras.margin !== undefined && label !== "tie" && label !== "both_bad") {
    preferencePair.margin = extras.margin;
  }
  if (extras.judge !== undefined) preferencePair.judge = extras.judge;
  if (k > 2 && extras.groupId !== undefined) {
    preferencePair.groupId = extras.groupId;
    preferencePair.weight = 1 / ((k * (k - 1)) / 2);
  }
  const verdict = label === "tie" || label === "both_bad" ? label : "preferred";
  return { verdict, pair: preferencePair };
}

