import { getDb, type Db } from "@/db/client";
import { getRequestUser } from "@/server/auth/request-user";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { isCrossSiteRequest } from "./same-origin";
import { toErrorResponse } from "./rest-errors";

type Tier = "user" | "admin";

export interface RestContext<P> {
  db: Db;
  user: SessionUser;
  params: P;
  request: Request;
}

/**
 * Wraps a plain route handler (streamed uploads and downloads, which tRPC does not carry):
 * authenticates, enforces the tier, refuses cross-site mutations, and maps every error to the
 * REST error shape. The handler itself only parses input and calls a service.
 */
export function restRoute<P>(
  tier: Tier,
  handler: (ctx: RestContext<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD" && isCrossSiteRequest(request)) {
        throw new AppError("FORBIDDEN", "Cross-site requests are not allowed");
      }
      const db = await getDb();
      const user = await getRequestUser(db, request);
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in or send an API token");
      if (tier === "admin" && user.role !== "admin") {
        throw new AppError("FORBIDDEN", "Only admins can do this");
      }
      return await handler({ db, user, params: await context.params, request });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
