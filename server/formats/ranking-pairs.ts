import type { Message } from "./messages";
import { pairSide, type PairResponse, type PreferencePair } from "./preference-pair";

/** A response as stored: judgement payloads name responses by this id. */
export interface ItemResponse extends Omit<PairResponse, "messages"> {
  id: string;
  messages?: Message[] | null;
}

export interface RankedItem {
  itemExternalId: string;
  prompt: Message[];
  promptFormat: "text" | "messages";
  responses: readonly ItemResponse[];
  source?: Record<string, unknown> | null;
}

export class RankingError extends Error {}

/**
 * Expands a K-wise ranking (groups best first; an inner list is a tie) into preference pairs,
 * InstructGPT-style: every response is preferred to every response in a later group, all pairs
 * share `groupId`, and each carries `weight = 1/C(K,2)` so the ranking counts as one example.
 *
 * Ties cannot be expressed as a chosen/rejected pair, so responses in the same group yield no
 * pair. The weight stays 1/C(K,2) rather than being spread over the pairs that remain: each
 * comparison then weighs the same whether or not its neighbours were ties, and a ranking with
 * ties counts for less than one example, as it says less.
 */
export function rankingToPairs(
  item: RankedItem,
  ranking: readonly (readonly string[])[],
  groupId: string,
): PreferencePair[] {
  const groups = resolveRanking(item, ranking);
  const k = groups.reduce((sum, group) => sum + group.length, 0);
  if (k < 2) return [];
  const weight = 1 / ((k * (k - 1)) / 2);
  const pairs: PreferencePair[] = [];
  groups.forEach((better, index) => {
    for (const worse of groups.slice(index + 1).flat()) {
      for (const chosen of better) {
        pairs.push({
          itemExternalId: item.itemExternalId,
          prompt: item.prompt,
          promptFormat: item.promptFormat,
          chosen: pairSide(chosen),
          rejected: pairSide(worse),
          groupId,
          weight,
          source: item.source ?? null,
        });
      }
    }
  });
  return pairs;
}

/** Replaces ids by responses, refusing unknown or repeated ids (a corrupt payload). */
export function resolveRanking(
  item: RankedItem,
  ranking: readonly (readonly string[])[],
): ItemResponse[][] {
  const byId = new Map(item.responses.map((r) => [r.id, r]));
  const seen = new Set<string>();
  return ranking.map((group) =>
    group.map((id) => {
      const response = byId.get(id);
      if (!response) throw new RankingError(`Item ${item.itemExternalId}: no response ${id}`);
      if (seen.has(id)) throw new RankingError(`Item ${item.itemExternalId}: ${id} ranked twice`);
      seen.add(id);
      return response;
    }),
  );
}

/**
 * The prompt as the TRL exports write it: a string when it arrived as one, else the
 * conversation, so every export of an item agrees on its format.
 */
export function exportedPrompt(
  item: Pick<RankedItem, "prompt" | "promptFormat">,
): string | Message[] {
  const first = item.prompt[0];
  return item.promptFormat === "text" && item.prompt.length === 1 && first && typeof first.content === "string"
    ? first.content
    : item.prompt;
}

