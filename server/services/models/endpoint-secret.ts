import type { ModelEndpoint } from "@/db/schema";
import { secretKey } from "@/server/env";
import { AppError } from "@/server/errors";
import { openSecret, SecretUnreadableError, sealSecret } from "./secret-box";

/** The associated data that ties a sealed key to its endpoint row. */
const boundTo = (endpointId: string) => `model_endpoints:${endpointId}`;

export function sealApiKey(endpointId: string, apiKey: string): string {
  return sealSecret(configuredKey(), apiKey, boundTo(endpointId));
}

/** The endpoint's API key in clear, for the one request about to be made; null when none is set. */
export function revealApiKey(endpoint: Pick<ModelEndpoint, "id" | "apiKeyCiphertext">): string | null {
  if (endpoint.apiKeyCiphertext === null) return null;
  try {
    return openSecret(configuredKey(), endpoint.apiKeyCiphertext, boundTo(endpoint.id));
  } catch (error) {
    if (error instanceof SecretUnreadableError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
}

function configuredKey(): Buffer {
  try {
    return secretKey();
  } catch (error) {
    throw new AppError("SERVICE_UNAVAILABLE", error instanceof Error ? error.message : "No secret key is configured");
  }
}
