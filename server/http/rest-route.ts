import { getDb, type Db } from "@/db/client";
import { getRequestAuth } from "@/server/auth/request-user";
import { AppError } from "@/server/errors";
import { withActingToken } from "@/server/services/audit/acting-token";
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
 * tier, refuses cross-site mutations (and any cross-site use of the session cookie), marks
 * replies uncacheable, and maps every error to the REST error shape. The
 * handler itself only parses input, calls a service and shapes the output.
 */
export function restRoute<P>(
  tier: Tier,
  handler: (ctx: RestContext<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      // Mutations never come from another site. Reads neither, unless they carry an API token:
      // a browser sends the session cookie on cross-site navigations too (a link to an export
      // on another site), so cookie-authenticated calls must come from our pages or be typed in.
      const mutation = request.method !== "GET" && request.method !== "HEAD";
      if ((mutation || !request.headers.has("authorization")) && isCrossSiteRequest(request)) {
        throw new AppError("FORBIDDEN", "Cross-site requests are not allowed");
      }
      const db = await resolveDb();
      const auth = await getRequestAuth(db, request);
      if (!auth) throw new AppError("UNAUTHORIZED", "Sign in or send a valid API token");
      const { user } = auth;
      if (tier === "admin" && user.role !== "admin") {
        throw new AppError("FORBIDDEN", "Only admins can do this");
      }
      const params = await context.params;
      return noStore(await withActingToken(auth.tokenId, () => handler({ db, user, params, request })));
    } catch (error) {
      return noStore(toErrorResponse(error));
    }
  };
}

/** The database route handlers outside `restRoute` (the tRPC adapter) should use. */
export function requestDatabase(): Promise<Db> {
  return resolveDb();
}

/**
 * API replies carry one user's data: no browser or proxy cache may keep them. Downloads and
 * handlers that chose their own caching keep theirs.
 */
export function noStore(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    // Some responses (Response.redirect, fetch results) have immutable headers: copy them.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
