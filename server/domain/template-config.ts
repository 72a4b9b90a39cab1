import { z } from "zod";

export { DEFAULT_RATIONALE_MAX_LENGTH, rationaleMaxLength } from "./rationale-limit";

/** DESIGN §5. Every key but `kind` is optional; defaults are filled in on parse. */
const rationaleSchema = z
  .strictObject({
    required: z.boolean().default(false),
    min_length: z.number().int().min(0).max(10_000).default(0),
    /** Characters, after trimming; absent means DEFAULT_RATIONALE_MAX_LENGTH. */
    max_length: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((r) => r.max_length === undefined || r.max_length >= r.min_length, {
    message: "max_length must be at least min_length",
    path: ["max_length"],
  })
  .default({ required: false, min_length: 0 });

const flagsSchema = z.array(z.string().min(1).max(64)).max(20).default([]);

export const pairwiseTemplateSchema = z.strictObject({
  kind: z.literal("pairwise"),
  allow_tie: z.boolean().default(true),
  allow_both_bad: z.boolean().default(true),
  strength: z.boolean().default(false),
  criteria: z.array(z.string().min(1).max(64)).max(10).default([]),
  /**
   * DESIGN §16: when the responses are multi-turn continuations, a verdict (choice, strength,
   * criteria) per assistant turn instead of one for the whole response (server/domain/turns.ts).
   */
  per_turn: z.boolean().default(false),
  rationale: rationaleSchema,
  flags: flagsSchema,
});

export const rankingTemplateSchema = z.strictObject({
  kind: z.literal("ranking"),
  allow_ties: z.boolean().default(true),
  allow_not_rankable: z.boolean().default(true),
  rationale: rationaleSchema,
  flags: flagsSchema,
});

export const ratingTemplateSchema = z.strictObject({
  kind: z.literal("rating"),
  attributes: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(64),
        min: z.number().int(),
        max: z.number().int(),
      }),
    )
    .min(1)
    .max(12),
  then: z.enum(["pairwise", "ranking"]).nullable().default(null),
  rationale: rationaleSchema,
  flags: flagsSchema,
});

/** How a response without an explicit `steps` array is cut into steps (DESIGN §16). */
export const STEP_SPLITS = ["blank_lines", "lines"] as const;
/** `per_step`: every step labelled; `first_error`: the first −1 marks the rest −1 too. */
export const STEP_MODES = ["per_step", "first_error"] as const;

export const stepsTemplateSchema = z.strictObject({
  kind: z.literal("steps"),
  mode: z.enum(STEP_MODES).default("per_step"),
  split: z.enum(STEP_SPLITS).default("blank_lines"),
  rationale: rationaleSchema,
  flags: flagsSchema,
});

export const templateConfigSchema = z.discriminatedUnion("kind", [
  pairwiseTemplateSchema,
  rankingTemplateSchema,
  ratingTemplateSchema,
  stepsTemplateSchema,
]);

export type TemplateConfig = z.infer<typeof templateConfigSchema>;
export type PairwiseTemplate = z.infer<typeof pairwiseTemplateSchema>;
export type RankingTemplate = z.infer<typeof rankingTemplateSchema>;
export type RatingTemplate = z.infer<typeof ratingTemplateSchema>;
export type StepsTemplate = z.infer<typeof stepsTemplateSchema>;
export type StepSplit = (typeof STEP_SPLITS)[number];
export type TemplateKind = TemplateConfig["kind"];

/** How many responses an item of each template kind may carry. */
export const RESPONSE_COUNT_BOUNDS: Record<TemplateKind, { min: number; max: number }> = {
  pairwise: { min: 2, max: 2 },
  ranking: { min: 3, max: 9 },
  rating: { min: 1, max: 9 },
  steps: { min: 1, max: 9 },
};

/** A new template of a kind with every default filled in (the rating one needs an attribute). */
export function defaultTemplate(kind: TemplateKind): TemplateConfig {
  return templateConfigSchema.parse(
    kind === "rating" ? { kind, attributes: [{ name: "helpfulness", min: 1, max: 5 }] } : { kind },
  );
}

/** The Likert scales offered for rating attributes (DESIGN §5: 1–5, or 0–4 as in HelpSteer2). */
export const LIKERT_SCALES = [
  { min: 1, max: 5 },
  { min: 0, max: 4 },
] as const;
