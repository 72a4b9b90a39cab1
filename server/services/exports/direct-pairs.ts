import { marginFor, type MarginScale } from "@/server/formats/margins";
import type { PreferencePair } from "@/server/formats/preference-pair";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import type { ItemBundle } from "./item-page";
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
  for (const judgement of bundle.judgements) {
    const payload = judgement.payload as PairwisePayload;
    if (typeof payload.choice !== "string") return null;
    const [chosen, rejected] = payload.choice === b.id ? [b, a] : [a, b];
    const pair: PreferencePair = {
      itemExternalId: item.externalId,
      prompt: item.prompt,
      promptFormat: item.promptFormat,
      chosen: { externalId: chosen.externalId, model: chosen.model, content: chosen.content },
      rejected: {
        externalId: rejected.externalId,
        model: rejected.model,
        content: rejected.content,
      },
      source: item.source,
    };
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
