import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ResponseFormatJSONSchema } from "openai/resources/shared";
import type { ModelEndpoint } from "@/db/schema";
import type { Message } from "@/server/formats/messages";
import type { GenerationParams } from "./generation-params";
import { classifyModelError, ModelCallAborted, ModelCallError } from "./model-call-error";
import { readChatStream } from "./read-chat-stream";

export interface ChatResult {
  content: string;
  finishReason: string | null;
  /** The model the server says answered (may differ from the one asked for, e.g. an alias). */
  servedModel: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  latencyMs: number;
  /** Streamed replies only: when the first text arrived. */
  firstTokenMs?: number;
}

/**
 * One chat completion through the official SDK against any OpenAI-compatible server. The SDK
 * never retries on its own (maxRetries 0): the job runner owns the retry policy, so back-off
 * and Retry-After are honoured across workers and restarts. Failures come back as
 * ModelCallError (retryable or not, message redacted) or ModelCallAborted.
 *
 * With `stream: true` in the parameters the reply is asked for as a stream (with its usage) and
 * accumulated, so the result is the same as a plain reply's; a stream that breaks off is a
 * retryable failure, never a shorter answer. The endpoint's timeout bounds the whole answer
 * either way: the SDK's own timeout stops at a stream's headers, so a deadline of ours covers a
 * stream that stalls half-way.
 */
export async function completeChat(params: {
  endpoint: Pick<ModelEndpoint, "baseUrl" | "model" | "timeoutSeconds">;
  apiKey: string | null;
  messages: Message[];
  generation: GenerationParams;
  seed?: number;
  /** Structured output (OpenAI's `response_format`), for servers that constrain their decoding. */
  responseFormat?: ResponseFormatJSONSchema;
  signal?: AbortSignal;
}): Promise<ChatResult> {
  const { endpoint, apiKey, generation } = params;
  // The SDK only listens for a future abort: a signal that already fired must stop us here.
  if (params.signal?.aborted) throw new ModelCallAborted("The request was cancelled");
  const client = new OpenAI({
    baseURL: endpoint.baseUrl,
    // Local servers (Ollama, llama.cpp) need no key, but the SDK insists on one.
    apiKey: apiKey ?? "none",
    timeout: endpoint.timeoutSeconds * 1000,
    maxRetries: 0,
    // The SDK's own logging could print request headers; Arbiter logs what it needs itself.
    logLevel: "off",
  });
  const request = {
    model: endpoint.model,
    messages: toChatMessages(params.messages, generation.system_prompt),
    ...(generation.temperature !== undefined ? { temperature: generation.temperature } : {}),
    ...(generation.top_p !== undefined ? { top_p: generation.top_p } : {}),
    ...(generation.max_tokens !== undefined ? { max_tokens: generation.max_tokens } : {}),
    ...(params.seed !== undefined ? { seed: params.seed } : {}),
    ...(params.responseFormat ? { response_format: params.responseFormat } : {}),
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), endpoint.timeoutSeconds * 1000);
  const signal = params.signal ? AbortSignal.any([params.signal, deadline.signal]) : deadline.signal;
  const started = performance.now();
  try {
    let result: Omit<ChatResult, "latencyMs">;
    if (generation.stream) {
      const stream = await client.chat.completions.create(
        { ...request, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      const { firstTokenMs, ...streamed } = await readChatStream(stream, started);
      result = { ...streamed, ...(firstTokenMs === null ? {} : { firstTokenMs }) };
    } else {
      const completion = await client.chat.completions.create(request, { signal });
      const choice = completion.choices[0];
      result = {
        content: choice?.message.content ?? "",
        finishReason: choice?.finish_reason ?? null,
        servedModel: completion.model || null,
        promptTokens: completion.usage?.prompt_tokens ?? null,
        completionTokens: completion.usage?.completion_tokens ?? null,
        totalTokens: completion.usage?.total_tokens ?? null,
      };
    }
    if (result.content.trim() === "") {
      throw new ModelCallError(`The model returned no text (finish reason: ${result.finishReason ?? "none"})`, true);
    }
    return { ...result, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (deadline.signal.aborted && !params.signal?.aborted) {
      throw new ModelCallError(`No answer within ${endpoint.timeoutSeconds} s`, true);
    }
    throw classifyModelError(error, { apiKey, timeoutSeconds: endpoint.timeoutSeconds });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The whole conversation goes to the model. The endpoint's system prompt leads unless the item
 * brings its own. Tool results without the call that produced them are not valid chat input,
 * so they travel as user turns marked as tool output.
 */
export function toChatMessages(messages: Message[], systemPrompt: string | undefined): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (systemPrompt && messages[0]?.role !== "system") out.push({ role: "system", content: systemPrompt });
  // Only user turns may carry images; other roles take the text of their parts.
  const text = (content: Message["content"]) =>
    typeof content === "string" ? content : content.map((part) => (part.type === "text" ? part.text : "")).join("");
  for (const m of messages) {
    if (m.role === "tool") out.push({ role: "user", content: `[tool output]\n${text(m.content)}` });
    else if (m.role === "user") out.push({ role: "user", content: m.content });
    else out.push({ role: m.role, content: text(m.content) });
  }
  return out;
}
