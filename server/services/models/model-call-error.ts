import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "openai";
import { parseRetryAfter } from "@/server/services/jobs/retry-policy";

/** A failed model request, classified for the retry policy, with a message safe to show and store. */
export class ModelCallError extends Error {
  override readonly name = "ModelCallError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** The request was abandoned on purpose (worker stopping, task cancelled): not a failure. */
export class ModelCallAborted extends Error {
  override readonly name = "ModelCallAborted";
}

const RETRYABLE_STATUSES = new Set([408, 409, 425, 429]);

export function classifyModelError(error: unknown, context: { apiKey: string | null; timeoutSeconds: number }): Error {
  if (error instanceof ModelCallError || error instanceof ModelCallAborted) return error;
  if (error instanceof APIUserAbortError) return new ModelCallAborted("The request was cancelled");
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelCallError(`No answer within ${context.timeoutSeconds} s`, true);
  }
  if (error instanceof APIConnectionError) {
    return new ModelCallError(`Could not reach the endpoint: ${redact(error.message, context.apiKey)}`, true);
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const retryable = RETRYABLE_STATUSES.has(status) || status >= 500;
    return new ModelCallError(
      redact(error.message, context.apiKey),
      retryable,
      status,
      retryable ? parseRetryAfter(error.headers, Date.now()) : null,
    );
  }
  // A 200 whose body is not the protocol (a proxy's error page, say): worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return new ModelCallError(`The endpoint's reply could not be read: ${redact(message, context.apiKey)}`, true);
}

/**
 * Error texts come from the remote server and may quote the key back (OpenAI names a wrong key
 * in its 401): the key, and anything shaped like one, never reaches a reply, a log or the jobs
 * table.
 */
export function redact(message: string, apiKey: string | null): string {
  let text = message;
  if (apiKey) text = text.split(apiKey).join("[redacted]");
  text = text
    .replace(/(api key provided:?\s*)\S+/gi, "$1[redacted]")
    .replace(/\b(sk|pk|rk|key|hf|gsk|xai)[-_][A-Za-z0-9*._-]{6,}/g, "[redacted]")
    .replace(/Bearer\s+\S+/gi, "Bearer [redacted]");
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
