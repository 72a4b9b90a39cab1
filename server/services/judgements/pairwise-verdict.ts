import { z } from "zod";
import { STRENGTHS } from "@/server/domain/judgement-payload";
import type { PairwiseTemplate } from "@/server/domain/template-config";
import { MAX_TURNS } from "@/server/domain/turns";

/**
 * A pairwise verdict's keys (DESIGN §5): a choice, a strength and per-criterion choices, as the
 * template enables them. The whole-response payload adds rationale and flags to it; a per-turn
 * payload (DESIGN §16) holds one such verdict per compared turn.
 */
export function pairwiseVerdictSchema(template: PairwiseTemplate, responseId: z.ZodType<string>) {
  const choices: z.ZodType<string>[] = [responseId];
  if (template.allow_tie) choices.push(z.literal("tie"));
  if (template.allow_both_bad) choices.push(z.literal("both_bad"));
  const criteria = template.criteria.length
    ? z
        .strictObject(
          Object.fromEntries(template.criteria.map((name) => [name, z.union([responseId, z.literal("tie")])])),
        )
        .optional()
    : z.never().optional();
  return z.strictObject({
    choice: z.union(choices as [z.ZodType<string>, ...z.ZodType<string>[]]),
    strength: template.strength ? z.enum(STRENGTHS).optional() : z.never().optional(),
    criteria,
  });
}

/** Strength is required when configured and a response is preferred, and only then allowed. */
export function strengthRule(template: PairwiseTemplate, responseIds: readonly string[]) {
  return (payload: { choice: string; strength?: string }, ctx: z.RefinementCtx) => {
    const preferred = responseIds.includes(payload.choice);
    if (template.strength && preferred && !payload.strength) {
      ctx.addIssue({ code: "custom", path: ["strength"], message: "Choose how much better" });
    }
    if (!preferred && payload.strength) {
      ctx.addIssue({ code: "custom", path: ["strength"], message: "Strength applies only when one response is preferred" });
    }
  };
}

/**
 * `{turns: [verdict, …], rationale?, flags?}`: one verdict per turn the item's responses are
 * compared on, in turn order. The count must match the item's (when the caller knows it: the
 * server always does), so an answer can neither skip a turn nor judge one that is not compared.
 */
export function turnsPayloadSchema(
  template: PairwiseTemplate,
  responseIds: readonly string[],
  responseId: z.ZodType<string>,
  params: { rationale: z.ZodType<string | undefined>; flags: z.ZodType<string[] | undefined>; turnCount?: number },
) {
  const verdict = pairwiseVerdictSchema(template, responseId).superRefine(strengthRule(template, responseIds));
  return z.strictObject({
    turns: z
      .array(verdict, { error: "turns must be a list of verdicts, one per assistant turn" })
      .min(1, { error: "Give a verdict for every turn" })
      .max(MAX_TURNS)
      .superRefine((turns, ctx) => {
        const count = params.turnCount;
        if (count !== undefined && turns.length !== count) {
          const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
          ctx.addIssue({
            code: "custom",
            message: `This item is compared on ${plural(count, "turn")}: give ${plural(count, "verdict")}, not ${turns.length}`,
          });
        }
      }),
    rationale: params.rationale,
    flags: params.flags,
  });
}
