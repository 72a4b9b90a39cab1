import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getRequestAuth } from "@/server/auth/request-user";
import { AppError } from "@/server/errors";
import { MAX_JSON_BODY_BYTES, readBodyBytes } from "@/server/http/json-body";
import { noStore, requestDatabase } from "@/server/http/rest-route";
import { toErrorResponse } from "@/server/http/rest-errors";
import { isCrossSiteRequest } from "@/server/http/same-origin";
import { createMappedContext, retryAfterMeta } from "@/server/trpc/http-errors";
import { appRouter } from "@/server/trpc/root";

/** Calls per batched request: the screens batch a handful; more is someone else's script. */
export const MAX_TRPC_BATCH_SIZE = 20;

async function handler(request: Request): Promise<Response> {
  let req = request;
  let db;
  try {
    if (request.method === "POST") {
      if (isCrossSiteRequest(request)) throw new AppError("FORBIDDEN", "Cross-site requests are not allowed");
      // tRPC would buffer any body whole; this reads at most the JSON limit, then hands it on.
      const body = await readBodyBytes(request, MAX_JSON_BODY_BYTES);
      req = new Request(request.url, { method: "POST", headers: request.headers, body });
    }
    db = await requestDatabase();
  } catch (error) {
    return noStore(toErrorResponse(error));
  }
  const database = db;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    createContext: () =>
      createMappedContext(async () => {
        const auth = await getRequestAuth(database, req);
        return { db: database, user: auth?.user ?? null, tokenId: auth?.tokenId ?? null };
      }),
    responseMeta: retryAfterMeta,
  });
  return noStore(response);
}

export { handler as GET, handler as POST };
