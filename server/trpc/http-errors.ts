import { TRPCError } from "@trpc/server";
import { RETRY_AFTER_SECONDS, toAppError } from "@/server/errors";

/**
 * Builds the request context, reporting a known failure (a database outage while looking up
 * the session user) with its own code instead of tRPC's generic 500.
 */
export async function createMappedContext<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    const appError = toAppError(error);
    if (appError) throw new TRPCError({ code: appError.code, message: appError.message, cause: appError });
    throw error;
  }
}

/** `responseMeta` for the tRPC handler: a 503 says when to retry, as REST's does. */
export function retryAfterMeta({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
  return errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
    ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } }
    : {};
}
