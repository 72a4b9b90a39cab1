import { z } from "zod";
import { followsFirstError, STEP_LABELS } from "@/server/domain/steps";
import { rationaleMaxLength, type TemplateConfig } from "@/server/domain/template-config";
import { pairwiseVerdictSchema, strengthRule, turnsPayloadSchema } from "./pairwise-verdict";

export { STRENGTHS } from "@/server/domain/judgement-payload";
export type {
  JudgementPayload,
  PairwisePayload,
  RankingPayload,
  RatingPayload,
  StepsPayload,
  Strength,
  TurnsPayload,
  TurnVerdict,
} from "@/server/domain/judgement-payload";

/**
 * Builds the zod schema a payload must satisfy for one item: the template decides which keys
 * exist, the item's responses decide which ids are valid (and, for step labels, how many steps
 * each has; for per-turn verdicts, how many turns). Unknown keys are rejected.
 */
export function payloadSchemaFor(
  template: TemplateConfig,
  responseIds: readonly string[],
  stepCounts: ReadonlyMap<string, number> = new Map(),
  /** Per-turn templates: how many turns the item's responses are compared on (server/domain/turns.ts). */
  turnCount?: number,
) {
  const responseId = z
    .string()
    .refine((id) => responseIds.includes(id), { message: "Not a response of this item" });
  const maxLength = rationaleMaxLength(template);
  const rationale = template.rationale.required
    ? z.string().trim().min(Math.max(1, template.rationale.min_length)).max(maxLength)
    : z.string().max(maxLength).optional();
  const flags = z
    .array(z.enum(template.flags.length ? (template.flags as [string, ...string[]]) : ["__none__"]))
    .max(template.flags.length)
    .optional();

  if (template.kind === "pairwise") {
    if (template.per_turn) return turnsPayloadSchema(template, responseIds, responseId, { rationale, flags, turnCount });
    return pairwiseVerdictSchema(template, responseId)
      .extend({ rationale, flags })
      .superRefine(strengthRule(template, responseIds));
  }

  if (template.kind === "steps") {
    const label = z.union(STEP_LABELS.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<0>, z.ZodLiteral<-1>], {
      error: "A step label is 1, 0 or -1",
    });
    return z.strictObject({
      steps: z.record(responseId, z.array(label)).superRefine((steps, ctx) => {
        if (Object.keys(steps).length !== responseIds.length) {
          ctx.addIssue({ code: "custom", message: "Label the steps of every response" });
        }
        for (const [id, labels] of Object.entries(steps)) {
          const count = stepCounts.get(id);
          if (count !== undefined && labels.length !== count) {
            ctx.addIssue({ code: "custom", path: [id], message: `Label each of the ${count} steps` });
          }
          if (template.mode === "first_error" && !followsFirstError(labels)) {
            ctx.addIssue({ code: "custom", path: [id], message: "Every step after the first wrong one is wrong too" });
          }
        }
      }),
      rationale,
      flags,
    });
  }

  const rankingSchema = z
    .array(z.array(responseId).min(1))
    .min(1)
    .superRefine((groups, ctx) => {
      const seen = groups.flat();
      if (new Set(seen).size !== seen.length) {
        ctx.addIssue({ code: "custom", message: "A response appears twice in the ranking" });
      }
      if (seen.length !== responseIds.length) {
        ctx.addIssue({ code: "custom", message: "Every response must be ranked" });
      }
      if (template.kind === "ranking" && !template.allow_ties && groups.some((g) => g.length > 1)) {
        ctx.addIssue({ code: "custom", message: "Ties are not allowed in this campaign" });
      }
    });

  if (template.kind === "ranking") {
    const ranked = z.strictObject({ ranking: rankingSchema, rationale, flags });
    if (!template.allow_not_rankable) return ranked;
    return z.union([
      ranked,
      z.strictObject({ not_rankable: z.literal(true), rationale, flags }),
    ]);
  }

  const ratingsSchema = z.record(
    responseId,
    z.strictObject(
      Object.fromEntries(
        template.attributes.map((a) => [a.name, z.number().int().min(a.min).max(a.max)]),
      ),
    ),
  );
  return z.strictObject({
    ratings: ratingsSchema.refine((r) => Object.keys(r).length === responseIds.length, {
      message: "Rate every response",
    }),
    choice: template.then === "pairwise" ? responseId : z.never().optional(),
    ranking: template.then === "ranking" ? rankingSchema : z.never().optional(),
    rationale,
    flags,
  });
}
