import type { Db } from "@/db/client";
import { exportBundles, type ExportContext } from "./export-bundles";
import { goldVerdict, responsePairs, sameVerdict, verdictOf } from "./verdicts";

export interface GoldScore {
  correct: number;
  total: number;
}

/**
 * Each annotator's accuracy on the campaign's gold items, judged against the items' gold
 * answers. An annotator who answered no gold item has no score (and so is never excluded for
 * it): absence of evidence is not a low accuracy. Gold items whose answer cannot be resolved
 * to this item's responses are skipped rather than counted against anyone.
 */
export async function goldAccuracy(
  db: Db,
  params: { ctx: ExportContext },
): Promise<Map<string, GoldScore>> {
  const scores = new Map<string, GoldScore>();
  const bundles = exportBundles(db, { ctx: params.ctx, kinds: ["gold"], applyExclusions: false });
  for await (const bundle of bundles) {
    const gold = goldVerdict(bundle.item.goldAnswer, bundle.responses);
    if (!gold) continue;
    const pairs = responsePairs(bundle.item.id, bundle.responses);
    for (const j of bundle.judgements) {
      const verdict = verdictOf(j.payload, bundle.responses);
      if (!verdict) continue;
      const score = scores.get(j.annotatorId) ?? { correct: 0, total: 0 };
      score.total++;
      if (sameVerdict(verdict, gold, pairs)) score.correct++;
      scores.set(j.annotatorId, score);
    }
  }
  return scores;
}
