import { toAiJudgementRow, type AiJudgementRow } from "@/server/formats/ai-judgement-row";
import type { ItemBundle } from "./item-bundles";

/** An item's judge verdicts as raw rows (format judgements, source ai-judgements). */
export function aiJudgementRows(bundle: ItemBundle): AiJudgementRow[] {
  return bundle.judgements.map((verdict) => {
    const { suggestion, judge } = verdict;
    if (!suggestion || judge === undefined) throw new Error("the raw ai-judgements export walks with verdict details");
    return toAiJudgementRow({
      verdict: { id: verdict.id, judge, payload: verdict.payload, ...suggestion },
      item: bundle.item,
      responses: bundle.responses,
    });
  });
}
