import { z } from "zod";

/**
 * Sampling parameters an endpoint uses by default and a generation job may override, in the
 * snake_case the REST API, the UI and the stored JSON all share. Every key is optional: a key
 * left out is not sent, so the model server's own default applies.
 */
export const generationParamsSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  max_tokens: z.number().int().min(1).max(200_000).optional(),
  system_prompt: z
    .string()
    .max(20_000)
    .optional()
    .describe("Sent first, unless the prompt already starts with a system message"),
  stream: z
    .boolean()
    .optional()
    .describe("Ask for a streamed reply (server-sent events), accumulated with its usage; for servers that answer long generations only as a stream"),
});

export type GenerationParams = z.infer<typeof generationParamsSchema>;

/** Job overrides win over the endpoint's defaults, key by key. */
export function mergeGenerationParams(defaults: GenerationParams, overrides: GenerationParams | undefined): GenerationParams {
  return { ...defaults, ...(overrides ?? {}) };
}

/** How a generated response was made, stored with it (responses.generation). */
export interface GenerationRecord {
  job_id: string;
  endpoint_id: string;
  endpoint_name: string;
  /** The model id the endpoint was asked for, and the one the server said answered. */
  model: string;
  served_model: string | null;
  sample: number;
  seed: number;
  params: GenerationParams;
  latency_ms: number;
  /** Streamed replies only: when the first text arrived. */
  first_token_ms?: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  finish_reason: string | null;
}
