import type { ModelEndpoint } from "@/db/schema";
import type { GenerationParams } from "./generation-params";

/** A model endpoint as every interface shows it: whether a key is set, never the key. */
export interface ModelEndpointView {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  hasApiKey: boolean;
  params: GenerationParams;
  concurrency: number;
  timeoutSeconds: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toEndpointView(row: ModelEndpoint): ModelEndpointView {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    model: row.model,
    hasApiKey: row.apiKeyCiphertext !== null,
    params: row.params,
    concurrency: row.concurrency,
    timeoutSeconds: row.timeoutSeconds,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
