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

let resolveDb: () => Promise<Db> = getDb;

/**
 * Lets integration tests call route handlers directly against their own database (the
 * handlers are plain `(request, {params})` functions). Returns a function that restores the
 * app's database.
 */
export function setRestDatabase(resolver: () => Promise<Db>): () => void {
  resolveDb = resolver;
  return () => {
    resolveDb = getDb;
  };
}

/**
 * Wraps a plain route handler: authenticates (session cookie or API token), enforces the
 * tier, refuses cross-site mutations, and maps every error to the REST error shape. The
 * handler itself only parses input, calls a service and shapes the output.
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
      const db = await resolveDb();
      const user = await getRequestUser(db, request);
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in or send a valid API token");
      if (tier === "admin" && user.role !== "admin") {
        throw new AppError("FORBIDDEN", "Only admins can do this");
      }
      return await handler({ db, user, params: await context.params, request });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
