import type { Db } from "@/db/client";
import { dawidSkene, type Annotation } from "@/server/stats";
import { exportBundles, type ExportContext } from "./export-bundles";
import { itemVerdicts, votesByPair } from "./pair-votes";
import type { PairLabel } from "./verdicts";

/**
 * Dawid–Skene needs every annotator's answers across the whole campaign to estimate how
 * reliable each one is, so it runs as a first pass before any row is written. Each response
 * pair of each item is a task and its labels are positional ("a", "b", "tie", "both_bad"), so
 * one confusion matrix per annotator covers every item. Only the compact labels are held, not
 * the texts: memory is a few dozen bytes per vote.
 */
export async function dawidSkeneLabels(
  db: Db,
  params: { ctx: ExportContext },
): Promise<Map<string, PairLabel>> {
  const annotations: Annotation<PairLabel>[] = [];
  for await (const bundle of exportBundles(db, { ctx: params.ctx })) {
    const verdicts = itemVerdicts(bundle, "none");
    for (const { pair, votes } of votesByPair(bundle, verdicts)) {
      for (const vote of votes)
        annotations.push({ task: pair.key, worker: vote.annotatorId, label: vote.label });
    }
  }
  if (annotations.length === 0) return new Map();
  const result = dawidSkene(annotations);
  return new Map(result.tasks.map((task, i) => [task, result.labels[i] ?? "tie"]));
}
