import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@/db/client";
import { getRequestUser } from "@/server/auth/request-user";
import { toErrorResponse } from "@/server/http/rest-errors";
import { isCrossSiteRequest } from "@/server/http/same-origin";
import { createMappedContext, retryAfterMeta } from "@/server/trpc/http-errors";
import { appRouter } from "@/server/trpc/root";

async function handler(request: Request): Promise<Response> {
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    return Response.json({ error: { code: "FORBIDDEN", message: "Cross-site requests are not allowed" } }, { status: 403 });
  }
  let db;
  try {
    db = await getDb();
  } catch (error) {
    return toErrorResponse(error);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createMappedContext(async () => ({ db, user: await getRequestUser(db, request) })),
    responseMeta: retryAfterMeta,
  });
}

export { handler as GET, handler as POST };
