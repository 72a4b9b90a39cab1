import type { Response } from "@/db/schema";
import type { PairResponse, PreferencePair } from "@/server/formats/preference-pair";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import type { JudgementWithItem } from "./iterate-live-judgements";

function pairResponse(r: Response): PairResponse {
  return { externalId: r.externalId, model: r.model, content: r.content };
}

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
      itemExternalId: item.externalId,
      prompt: item.prompt,
      promptFormat: item.promptFormat,
      chosen: pairResponse(chosen),
      rejected: pairResponse(rejected),
      source: item.source,
    };
  }
}
