import type { PreferencePair } from "@/server/formats/trl";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import type { JudgementWithItem } from "./iterate-live-judgements";

/**
 * Aggregation `none`: each pairwise judgement that prefers one response yields one pair. Ties
 * and both-bad verdicts carry no preference, so they yield nothing.
 */
export async function* pairsFromJudgements(
  rows: AsyncIterable<JudgementWithItem>,
): AsyncGenerator<PreferencePair> {
  for await (const { judgement, item, responses } of rows) {
    if (responses.length !== 2) continue;
    const choice = (judgement.payload as PairwisePayload).choice;
    const chosen = responses.find((r) => r.id === choice);
    const rejected = responses.find((r) => r.id !== choice);
    if (!chosen || !rejected) continue;
    yield {
      prompt: item.prompt,
      promptFormat: item.promptFormat,
      chosen: chosen.content,
      rejected: rejected.content,
    };
  }
}
