import { z } from "zod";
import { ANNOTATOR_FLAGS, QUALITY_THRESHOLDS } from "@/server/services/quality/quality-thresholds";

/** REST v1 wire shapes of the quality reports (DESIGN §9), snake_case. */

export const qualityQuery = z.strictObject({
  rounds: z.coerce.number().int().min(0).max(2000).optional(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
});

const rate = z.number().nullable();
const interval = z.tuple([z.number(), z.number()]);

export const agreementOut = z.object({
  questions: z.array(
    z.object({
      question: z.string(),
      level: z.enum(["nominal", "ordinal", "interval"]),
      alpha: rate,
      alpha_ci: interval.nullable(),
      percent_agreement: rate,
      fleiss_kappa: rate.optional(),
      units: z.number().int(),
      values: z.number().int(),
    }),
  ),
  disputed: z.array(
    z.object({
      item_id: z.uuid(),
      external_id: z.string(),
      disagreement: z.number(),
      judgements: z.number().int(),
      adjudicated: z.boolean(),
    }),
  ),
  method: z.object({ rounds: z.number().int(), seed: z.number().int(), confidence: z.number() }),
});

const share = (name: string) => z.object({ [name]: rate, n: z.number().int(), p_value: rate });

export const annotatorsOut = z.array(
  z.object({
    annotator: z.object({ id: z.uuid(), email: z.string() }),
    judgements: z.number().int(),
    skipped: z.number().int(),
    median_active_seconds: rate,
    gold: z.object({ accuracy: rate, n: z.number().int() }),
    consensus: z.object({ agreement: rate, kappa: rate, n: z.number().int() }),
    self_consistency: z.object({ agreement: rate, n: z.number().int() }),
    position_bias: share("first_share"),
    length_bias: share("longer_share"),
    suggestions: z
      .object({
        shown: z.number().int().describe("Answers given with an LLM judge's suggestion on screen"),
        agreement: rate.describe("Share of those that agreed with the suggestion"),
        rubber_stamps: z
          .number()
          .int()
          .describe(`Suggestions accepted within ${QUALITY_THRESHOLDS.rubberStampMs / 1000} s of the task being handed out`),
      })
      .describe("How the annotator used LLM suggestions (before_submit campaigns)"),
    flags: z.array(z.enum(ANNOTATOR_FLAGS)),
    paused: z.boolean(),
    excluded: z.boolean(),
  }),
);

export const leaderboardOut = z.object({
  models: z.array(
    z.object({
      model: z.string(),
      rating: z.number(),
      median: z.number(),
      ci: interval,
      battles: z.number(),
      wins: z.number(),
      losses: z.number(),
      ties: z.number(),
      win_rate: z.number(),
    }),
  ),
  elo: z.array(z.object({ model: z.string(), rating: z.number() })),
  win_matrix: z.record(z.string(), z.record(z.string(), z.number().nullable())),
  battles: z.number(),
  finite_optimum: z.boolean(),
  method: z.record(z.string(), z.union([z.string(), z.number()])),
});
