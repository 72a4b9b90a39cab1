import { z } from "zod";
import { generationParamsSchema } from "./generation-params";

const name = z.string().trim().min(1).max(100);
const baseUrl = z
  .url({ protocol: /^https?$/, error: "base_url must be an http(s) URL, e.g. http://localhost:11434/v1" })
  .max(2000);
const model = z.string().trim().min(1).max(200);
const apiKey = z
  .string()
  .trim()
  .min(1)
  .max(4000)
  .describe("Stored encrypted; never returned (replies say has_api_key)");
const concurrency = z.number().int().min(1).max(256).describe("Requests in flight at once, across all workers");
const timeoutSeconds = z.number().int().min(1).max(3600).describe("Per request");

/** The fields of a model endpoint as REST, tRPC and the CLI take them (DESIGN §15). */
export const createModelEndpointInput = z.strictObject({
  name,
  base_url: baseUrl,
  model,
  api_key: apiKey.optional(),
  params: generationParamsSchema.optional(),
  concurrency: concurrency.optional(),
  timeout_seconds: timeoutSeconds.optional(),
});
export type CreateModelEndpointInput = z.infer<typeof createModelEndpointInput>;

/** Any subset; `api_key: null` removes the stored key, leaving it out keeps it. */
export const updateModelEndpointInput = z.strictObject({
  name: name.optional(),
  base_url: baseUrl.optional(),
  model: model.optional(),
  api_key: apiKey.nullable().optional(),
  params: generationParamsSchema.optional(),
  concurrency: concurrency.optional(),
  timeout_seconds: timeoutSeconds.optional(),
});
export type UpdateModelEndpointInput = z.infer<typeof updateModelEndpointInput>;
