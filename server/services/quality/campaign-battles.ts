import type { Battle } from "@/server/stats";
import { pairLabel, responsePairs, verdictOf } from "@/server/services/exports/verdicts";
import type { QualityData, QualityJudgement } from "./load-quality-data";

/**
 * The model battles in a campaign's counted judgements, in submission order (online Elo reads
 * them in that order). Every judgement yields the C(K,2) pairs of its K responses at weight
 * 1/C(K,2), so a ranking weighs as much as one pairwise verdict; "both bad" and
 * "none acceptable" are ties, as LMSYS counts them. model_a is the response shown first.
 * Pairs with an unnamed model, or a model against itself, say nothing about models.
 */
export function campaignBattles(data: QualityData, counted: readonly QualityJudgement[]): Battle[] {
  const battles: Battle[] = [];
  for (const j of counted) {
    const item = data.items.get(j.itemId);
    const verdict = item && verdictOf(j.payload, item.responses);
    if (!item || !verdict) continue;
    const k = item.responses.length;
    const weight = 2 / (k * (k - 1));
    const shown = (id: string) => {
      const at = j.displayOrder.indexOf(id);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    for (const pair of responsePairs(item.id, item.responses)) {
      const label = pairLabel(verdict, pair);
      const { a, b } = pair;
      if (label === null || !a.model || !b.model || a.model === b.model) continue;
      const aFirst = shown(a.id) <= shown(b.id);
      const winner =
        label === "a" ? (aFirst ? "a" : "b") : label === "b" ? (aFirst ? "b" : "a") : "tie";
      battles.push({
        modelA: aFirst ? a.model : b.model,
        modelB: aFirst ? b.model : a.model,
        winner,
        ...(weight === 1 ? {} : { weight }),
      });
    }
  }
  return battles;
}
