import { marginFor, type MarginScale } from "@/server/formats/margins";
import type { PreferencePair } from "@/server/formats/preference-pair";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import type { ItemBundle } from "./item-page";
import { pairSide } from "@/server/formats/preference-pair";
import type { PairOutcome } from "./pair-votes";

/**
 * The common case on its own path: aggregation `none` on a two-response item, one outcome per
 * judgement read straight off its `choice`. It gives exactly what the general path (verdicts,
 * pair votes, outcomes) gives for such items, without its intermediate objects, which at a
 * million judgements are most of an export's garbage. Null when the item needs the general
 * path (K-wise, or a payload without a pairwise choice).
 */
export function directPairOutcomes(bundle: ItemBundle, scale: MarginScale): PairOutcome[] | null {
  const [a, b] = bundle.responses;
  if (!a || !b || bundle.responses.length !== 2) return null;
  const { item } = bundle;
  const outcomes: PairOutcome[] = [];
  // The item's two sides, shared by all its pairs (nothing downstream changes them).
  const sideA = pairSide(a);
  const sideB = pairSide(b);
  for (const judgement of bundle.judgements) {
    const payload = judgement.payload as PairwisePayload;
    if (typeof payload.choice !== "string") return null;
    const bWins = payload.choice === b.id;
    const chosen = bWins ? sideB : sideA;
    const pair: PreferencePair = {
      itemExternalId: item.externalId,
      prompt: chosen.context ?? item.prompt,
      promptFormat: item.promptFormat,
      chosen,
      rejected: bWins ? sideA : sideB,
      source: item.source,
    };
    if (judgement.judge !== undefined) pair.judge = judgement.judge;
    if (bundle.turn !== undefined) pair.turn = bundle.turn;
    if (payload.choice === "tie" || payload.choice === "both_bad") {
      outcomes.push({ verdict: payload.choice, pair });
      continue;
    }
    if (payload.choice !== a.id && payload.choice !== b.id) continue;
    const margin = marginFor(payload.strength, scale);
    if (margin !== undefined) pair.margin = margin;
    outcomes.push({ verdict: "preferred", pair });
  }
  return outcomes;
}
