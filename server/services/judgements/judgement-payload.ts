import { z } from "zod";
import { STRENGTHS } from "@/server/domain/judgement-payload";
import { followsFirstError, STEP_LABELS } from "@/server/domain/steps";
import { rationaleMaxLength, type TemplateConfig } from "@/server/domain/template-config";

export { STRENGTHS } from "@/server/domain/judgement-payload";
export type {
  JudgementPayload,
  PairwisePayload,
  RankingPayload,
  RatingPayload,
  StepsPayload,
  Strength,
} from "@/server/domain/judgement-payload";

/**
 * Builds the zod schema a payload must satisfy for one item: the template decides which keys
 * exist, the item's responses decide which ids are valid (and, for step labels, how many steps
 * each has). Unknown keys are rejected.
 */
export function payloadSchemaFor(
  template: TemplateConfig,
  responseIds: readonly string[],
  stepCounts: ReadonlyMap<string, number> = new Map(),
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
    const choices: z.ZodType<string>[] = [responseId];
    if (template.allow_tie) choices.push(z.literal("tie"));
    if (template.allow_both_bad) choices.push(z.literal("both_bad"));
    const criteria = template.criteria.length
      ? z
          .strictObject(
            Object.fromEntries(
              template.criteria.map((name) => [name, z.union([responseId, z.literal("tie")])]),
            ),
          )
          .optional()
      : z.never().optional();
    return z
      .strictObject({
        choice: z.union(choices as [z.ZodType<string>, ...z.ZodType<string>[]]),
        strength: template.strength ? z.enum(STRENGTHS).optional() : z.never().optional(),
        criteria,
        rationale,
        flags,
      })
      .superRefine((payload, ctx) => {
        const preferred = responseIds.includes(payload.choice);
        if (template.strength && preferred && !payload.strength) {
          ctx.addIssue({ code: "custom", path: ["strength"], message: "Choose how much better" });
        }
        if (!preferred && payload.strength) {
          ctx.addIssue({
            code: "custom",
            path: ["strength"],
            message: "Strength applies only when one response is preferred",
          });
        }
      });
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
