import { z } from "zod";
import { generationParamsSchema } from "@/server/services/models/generation-params";

/** `POST /api/v1/campaigns/{id}/generate` and the CLI (DESIGN §15). */
export const startGenerationInput = z.strictObject({
  endpoints: z
    .array(z.uuid())
    .min(1)
    .max(9)
    .refine((ids) => new Set(ids).size === ids.length, { message: "An endpoint is listed twice" })
    .describe("Model endpoint ids; K endpoints × 1 sample compares models pairwise (Arena style)"),
  samples_per_endpoint: z
    .number()
    .int()
    .min(1)
    .max(9)
    .default(1)
    .describe("1 endpoint × K samples gives K-wise rankings (InstructGPT style)"),
  params: generationParamsSchema.optional().describe("Overrides each endpoint's defaults"),
});
export type StartGenerationInput = z.input<typeof startGenerationInput>;
