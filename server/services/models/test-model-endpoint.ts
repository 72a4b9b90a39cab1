import type { Db } from "@/db/client";
import { completeChat } from "./complete-chat";
import { revealApiKey } from "./endpoint-secret";
import { loadModelEndpoint } from "./load-model-endpoint";
import { ModelCallAborted, ModelCallError } from "./model-call-error";

export type EndpointTestResult =
  | { ok: true; latencyMs: number; servedModel: string | null; reply: string; finishReason: string | null }
  | { ok: false; status: number | null; message: string };

/**
 * "Test connection": one tiny chat completion with the stored settings and key. A failure is
 * a result to show, not an error: the endpoint exists, it just does not answer well.
 */
export async function testModelEndpoint(db: Db, params: { endpointId: string }): Promise<EndpointTestResult> {
  const endpoint = await loadModelEndpoint(db, params);
  try {
    const result = await completeChat({
      endpoint,
      apiKey: revealApiKey(endpoint),
      messages: [{ role: "user", content: "Reply with the single word: ready" }],
      generation: { max_tokens: 16, temperature: 0 },
    });
    return {
      ok: true,
      latencyMs: result.latencyMs,
      servedModel: result.servedModel,
      reply: result.content.slice(0, 200),
      finishReason: result.finishReason,
    };
  } catch (error) {
    if (error instanceof ModelCallError) return { ok: false, status: error.status, message: error.message };
    if (error instanceof ModelCallAborted) return { ok: false, status: null, message: error.message };
    throw error;
  }
}
