import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

type WebHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * Next's per-route settings for a route served by `pagesApiRoute`: the body is left unread, so
 * the handler reads it with its own size limit (DESIGN §10), and Next adds no response limit.
 */
export const PAGES_API_CONFIG = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };

/**
 * Serves web-standard route handlers (the same `restRoute` handlers as under app/) from the
 * pages/api router. The hottest REST routes, claim and submit, live there because Next costs
 * about a quarter as much CPU per request on it as on an App Router route handler (DESIGN §12
 * P1; measured 0.23 ms against 0.80 ms for an empty route). Anything else stays under app/.
 *
 * The handler gets a `Request` whose body streams from the socket and an awaited-params context
 * as under app/; its `Response` is written back with its status, headers and body.
 */
export function pagesApiRoute<P extends Record<string, string>>(
  handlers: Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", WebHandler<P>>>,
): (req: IncomingMessage & { query: Partial<Record<string, string | string[]>> }, res: ServerResponse) => Promise<void> {
  const allowed = Object.keys(handlers).join(", ");
  return async (req, res) => {
    const method = (req.method ?? "GET").toUpperCase() as keyof typeof handlers;
    const handler = handlers[method];
    if (!handler) {
      res.writeHead(405, { Allow: allowed, "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: `Use ${allowed}`, details: null } }));
      return;
    }
    const response = await handler(toRequest(req, method), { params: Promise.resolve(routeParams<P>(req.query)) });
    await writeResponse(response, res);
  };
}

function toRequest(req: IncomingMessage, method: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  // As under app/, the URL's origin is the Host the client sent.
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** Next fills `query` with the dynamic segments (and the query string, which no handler reads this way). */
function routeParams<P>(query: Partial<Record<string, string | string[]>>): P {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (typeof value === "string") params[key] = value;
  return params as P;
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}
