import { comparedTurnCount, continuationText, responseTurns, turnContext, turnUnitId } from "@/server/domain/turns";
import type { TurnsPayload } from "@/server/services/judgements/judgement-payload";
import type { BundledJudgement, ItemBundle } from "./item-bundles";

/**
 * A per-turn item (DESIGN §16) as one bundle per compared turn, so every pair export and every
 * consensus method works on (item, turn) exactly as it works on an item. In turn k's bundle:
 * - each response is its turn-k answer (the assistant's messages, tool calls and results), with
 *   `context`: the item's prompt, that side's earlier turns in full and the follow-up that
 *   opens turn k (the same on both sides, or the turn would not be compared);
 * - the item's prompt is the first response's context (what HelpSteer3 rows show); pair rows
 *   take the chosen side's context instead (pair-votes.ts), the conversation the chosen answer
 *   really continues;
 * - each judgement is its verdict on turn k, with the judgement's rationale and flags.
 * The item's id gains `:turn<k>`, so consensus keys (Dawid–Skene tasks, groups) stay apart.
 */
export function turnBundles(bundle: ItemBundle): ItemBundle[] {
  const [a, b] = bundle.responses;
  if (!a || !b || bundle.responses.length !== 2) return [bundle];
  const sides = bundle.responses.map((r) => responseTurns(r));
  const count = comparedTurnCount(sides[0] ?? [], sides[1] ?? []);
  return Array.from({ length: count }, (_, k) => {
    const responses = bundle.responses.map((r, s) => {
      const turns = sides[s] ?? [];
      const answer = turns[k]?.answer ?? [];
      return { ...r, content: continuationText(answer), messages: answer, context: turnContext(bundle.item.prompt, turns, k) };
    });
    return {
      item: { ...bundle.item, id: turnUnitId(bundle.item.id, k + 1), prompt: responses[0]?.context ?? bundle.item.prompt },
      responses,
      judgements: bundle.judgements.flatMap((j) => turnJudgement(j, k)),
      turn: k + 1,
    };
  });
}

function turnJudgement(j: BundledJudgement, k: number): BundledJudgement[] {
  const payload = j.payload as Partial<TurnsPayload>;
  const verdict = Array.isArray(payload.turns) ? payload.turns[k] : undefined;
  if (!verdict) return [];
  const { turns: _turns, ...rest } = payload;
  return [{ ...j, payload: { ...rest, ...verdict } }];
}
