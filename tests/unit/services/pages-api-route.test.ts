import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBodyBytes } from "@/server/http/json-body";
import path from "node:path";
import { PAGES_API_CONFIG, pagesApiRoute } from "@/server/http/pages-api-route";
import { restRouteFiles } from "../../fixtures/rest-route-files";

// The adapter under a plain Node server, as Next's pages router calls it: `query` carries the
// dynamic segments, and the body is left on the socket.
const seen: { params?: unknown; url?: string; auth?: string | null } = {};
const route = pagesApiRoute<{ id: string }>({
  POST: async (request, { params }) => {
    seen.params = await params;
    seen.url = request.url;
    seen.auth = request.headers.get("authorization");
    const bytes = await readBodyBytes(request, 1024).catch((error: Error) => error);
    if (bytes instanceof Error) return Response.json({ error: bytes.message }, { status: 413 });
    const headers = new Headers({ "Arbiter-Reason": "done" });
    headers.append("Set-Cookie", "a=1");
    headers.append("Set-Cookie", "b=2");
    return new Response(JSON.stringify({ length: bytes.length }), { status: 201, headers });
  },
});

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const query = { id: "abc", ...Object.fromEntries(new URL(req.url ?? "/", "http://x").searchParams) };
    void route(Object.assign(req, { query }), res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("pagesApiRoute", () => {
  it("hands the handler the params, headers and streamed body, and writes its status, headers and body", async () => {
    const response = await fetch(`${base}/api/v1/things/abc?x=1`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ length: 17 });
    expect(response.headers.get("arbiter-reason")).toBe("done");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(seen).toMatchObject({ params: { id: "abc", x: "1" }, auth: "Bearer t" });
    expect(seen.url).toMatch(/\/api\/v1\/things\/abc\?x=1$/);
  });

  it("keeps the handler's body size limit: a body over it is refused while reading", async () => {
    const response = await fetch(`${base}/api/v1/things/abc`, { method: "POST", body: "x".repeat(5000) });
    expect(response.status).toBe(413);
  });

  it("answers 405 with Allow for a method the route does not serve", async () => {
    const response = await fetch(`${base}/api/v1/things/abc`, { method: "GET" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await response.json()) as unknown).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });
});

describe("routes under pages/api", () => {
  const files = restRouteFiles().filter((r) => r.file.includes(`${path.sep}pages${path.sep}`));

  it("exist (claim and submit)", () => {
    expect(files.map((f) => f.url).sort()).toEqual(["/api/v1/assignments/[id]/judgement", "/api/v1/campaigns/[id]/tasks/next"]);
  });

  it.each(files)("$url leaves the body to its handler and serves through the adapter", async ({ file }) => {
    const module = (await import(file)) as { config?: unknown; default?: unknown };
    expect(module.config).toEqual(PAGES_API_CONFIG);
    expect(typeof module.default).toBe("function");
  });
});
