import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { ModelCallError } from "./model-call-error";

export interface StreamedChat {
  content: string;
  finishReason: string | null;
  servedModel: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  /** Milliseconds from `started` to the first text, null when none came. */
  firstTokenMs: number | null;
}

/**
 * Accumulates a streamed chat completion (server-sent events through the SDK) into what a
 * non-streamed reply would have said: the text of choice 0, its finish reason, the served model,
 * and the usage the last chunk carries when `stream_options.include_usage` was asked for.
 *
 * A stream is complete only once choice 0 reports a finish reason. One that ends before that
 * (the server closed the connection mid-answer, a proxy cut it) is a retryable failure, never
 * a shorter answer: nothing of it may be stored. A broken connection surfaces from the SDK's
 * iterator as an error and is classified by the caller like any other failed request.
 */
export async function readChatStream(chunks: AsyncIterable<ChatCompletionChunk>, started: number): Promise<StreamedChat> {
  const parts: string[] = [];
  const out: StreamedChat = {
    content: "",
    finishReason: null,
    servedModel: null,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    firstTokenMs: null,
  };
  for await (const chunk of chunks) {
    if (chunk.model) out.servedModel = chunk.model;
    if (chunk.usage) {
      out.promptTokens = chunk.usage.prompt_tokens;
      out.completionTokens = chunk.usage.completion_tokens;
      out.totalTokens = chunk.usage.total_tokens;
    }
    const choice = chunk.choices.find((c) => c.index === 0);
    if (!choice) continue;
    const text = choice.delta.content;
    if (text) {
      if (out.firstTokenMs === null) out.firstTokenMs = Math.round(performance.now() - started);
      parts.push(text);
    }
    if (choice.finish_reason) out.finishReason = choice.finish_reason;
  }
  if (out.finishReason === null) {
    throw new ModelCallError("The stream ended before the answer was complete", true);
  }
  out.content = parts.join("");
  return out;
}
