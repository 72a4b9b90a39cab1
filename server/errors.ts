import { errorChain, isDatabaseUnavailable } from "@/server/services/db-errors";

/**
 * The typed errors services throw. One table maps them to tRPC codes and HTTP statuses, so
 * every interface reports the same failure the same way and nothing internal leaks.
 */
export const APP_ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Safe, user-facing detail (e.g. line-numbered import errors). */
    readonly details?: unknown,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** How long a client should wait before retrying a 503 (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 2;

/** Turns any thrown value into an AppError when it is a known, safe-to-report condition. */
export function toAppError(error: unknown): AppError | undefined {
  for (const current of errorChain(error)) {
    if (isAppError(current)) return current;
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("SERVICE_UNAVAILABLE", "The database is unavailable; try again shortly.");
  }
  return undefined;
}
