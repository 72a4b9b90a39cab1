import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ADMIN,
  CAMPAIGN_LIST,
  CAMPAIGN_READ,
  CLAIM,
  OWN_TASK,
  PERSONAS,
  PUBLIC,
  READS,
  email,
  matrixEndpoint,
  matrixJob,
  waitingPrompt,
  stranger,
  tie,
  tokenOf,
  setUpMatrixDatabase,
  worldFor,
  type Expected,
  type Mode,
  type Outcome,
  type Persona,
  type World,
} from "../fixtures/authorization-matrix";
import { pairwiseLines } from "../fixtures/factories";
import type { RestCall } from "../fixtures/rest-client";
import { restRouteFiles } from "../fixtures/rest-route-files";

/**
 * Every REST v1 route × every kind of caller (tests/fixtures/authorization-matrix.ts),
 * each calling with its own API token, with the outcome each must get. A route without a row
 * fails the suite: add one line for it below.
 *
 * A row is `"METHOD /api/v1/path": [request, preset, READS?]`; `request` gives the path
 * parameters (`id`, further ones in `params`), the query and the body. Pick the preset for who
 * MUST succeed (DESIGN §10), never the one the code happens to give.
 */
/** `mustShow`: an id the reply must contain, else the outcome is "hidden". */
type MatrixCall = RestCall & { mustShow?: string };
type RestRow = [request: (w: World, p: Persona) => MatrixCall | Promise<MatrixCall>, expected: Expected, mode?: Mode];

const member = (w: World) => ({ user_id: w.user.member?.id ?? "" });

const REST: Record<string, RestRow> = {
  "GET /api/v1/campaigns": [(w) => ({ mustShow: w.campaignId }), CAMPAIGN_LIST, READS],
  "POST /api/v1/campaigns": [() => ({ json: { name: "matrix" } }), ADMIN],
  "GET /api/v1/campaigns/[id]": [(w) => ({ id: w.campaignId }), CAMPAIGN_READ, READS],
  "PATCH /api/v1/campaigns/[id]": [(w) => ({ id: w.campaignId, json: { description: "x" } }), ADMIN],
  "GET /api/v1/campaigns/[id]/export": [(w) => ({ id: w.campaignId, query: "format=judgements" }), ADMIN],
  "POST /api/v1/campaigns/[id]/items": [(w) => ({ id: w.campaignId, body: pairwiseLines(1, "late"), query: "dry_run=true" }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/members": [(w) => ({ id: w.campaignId }), ADMIN, READS],
  "POST /api/v1/campaigns/[id]/members": [(w) => ({ id: w.campaignId, json: { email: w.user.outsider?.email } }), ADMIN],
  "PATCH /api/v1/campaigns/[id]/members/[user_id]": [(w) => ({ id: w.campaignId, params: member(w), json: { status: "paused" } }), ADMIN],
  "DELETE /api/v1/campaigns/[id]/members/[user_id]": [(w) => ({ id: w.campaignId, params: member(w) }), ADMIN],
  "GET /api/v1/campaigns/[id]/stats": [(w) => ({ id: w.campaignId }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/agreement": [(w) => ({ id: w.campaignId, query: "rounds=5&seed=1" }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/annotators": [(w) => ({ id: w.campaignId }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/leaderboard": [(w) => ({ id: w.campaignId, query: "rounds=5&seed=1" }), ADMIN, READS],
  "POST /api/v1/campaigns/[id]/tasks/next": [(w) => ({ id: w.campaignId }), CLAIM, READS],
  "POST /api/v1/assignments/[id]/heartbeat": [(w, p) => ({ id: w.lease(p) }), OWN_TASK],
  "PUT /api/v1/assignments/[id]/draft": [(w, p) => ({ id: w.lease(p), json: { draft: tie } }), OWN_TASK],
  "POST /api/v1/assignments/[id]/skip": [(w, p) => ({ id: w.lease(p), json: { reason: "matrix" } }), OWN_TASK],
  "POST /api/v1/assignments/[id]/judgement": [(w, p) => ({ id: w.lease(p), json: { idempotency_key: randomUUID(), payload: tie } }), OWN_TASK],
  "GET /api/v1/users": [() => ({ query: "search=matrix" }), ADMIN, READS],
  "POST /api/v1/users": [() => ({ json: { email: email(), role: "annotator" } }), ADMIN],
  "GET /api/v1/users/[id]": [(w) => ({ id: w.user.member?.id }), ADMIN, READS],
  "PATCH /api/v1/users/[id]": [async (w) => ({ id: await stranger(w), json: { name: "Renamed" } }), ADMIN],
  "POST /api/v1/users/[id]/password-reset": [async (w) => ({ id: await stranger(w) }), ADMIN],
  "POST /api/v1/users/[id]/sign-out": [async (w) => ({ id: await stranger(w) }), ADMIN],
  "GET /api/v1/audit-events": [(w) => ({ query: `campaign_id=${w.campaignId}` }), ADMIN, READS],
  "GET /api/v1/model-endpoints": [() => ({}), ADMIN, READS],
  "POST /api/v1/model-endpoints": [() => ({ json: { name: `m-${email()}`, base_url: "http://127.0.0.1:9/v1", model: "m" } }), ADMIN],
  "GET /api/v1/model-endpoints/[id]": [async (w) => ({ id: await matrixEndpoint(w) }), ADMIN, READS],
  "PATCH /api/v1/model-endpoints/[id]": [async (w) => ({ id: await matrixEndpoint(w), json: { model: "m2" } }), ADMIN],
  "DELETE /api/v1/model-endpoints/[id]": [async (w) => ({ id: (await w.asAdmin.model.create({ name: `r-${email()}`, base_url: "http://127.0.0.1:9/v1", model: "m" })).id }), ADMIN],
  "POST /api/v1/model-endpoints/[id]/test": [async (w) => ({ id: await matrixEndpoint(w) }), ADMIN],
  "POST /api/v1/campaigns/[id]/generate": [async (w) => (await waitingPrompt(w), { id: w.campaignId, json: { endpoints: [await matrixEndpoint(w)], samples_per_endpoint: 2 } }), ADMIN],
  "POST /api/v1/campaigns/[id]/judge": [async (w) => ({ id: w.campaignId, json: { endpoint: await matrixEndpoint(w) } }), ADMIN],
  "GET /api/v1/campaigns/[id]/jobs": [(w) => ({ id: w.campaignId }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/judges": [(w) => ({ id: w.campaignId }), ADMIN, READS],
  "GET /api/v1/campaigns/[id]/identity-leaks": [(w) => ({ id: w.campaignId, query: "status=held" }), ADMIN, READS],
  "POST /api/v1/campaigns/[id]/identity-leaks/release": [(w) => ({ id: w.campaignId, json: { item_ids: [w.itemId] } }), ADMIN],
  "POST /api/v1/campaigns/[id]/identity-leaks/recheck": [(w) => ({ id: w.campaignId }), ADMIN],
  "GET /api/v1/jobs/[id]": [async (w) => ({ id: await matrixJob(w) }), ADMIN, READS],
  "POST /api/v1/jobs/[id]/cancel": [async (w) => ({ id: await matrixJob(w) }), ADMIN],
  "GET /api/v1/docs": [() => ({}), PUBLIC, READS],
  "GET /api/v1/openapi.json": [() => ({}), PUBLIC, READS],
};

setUpMatrixDatabase();

const STATUS_OUTCOME: Record<number, Outcome> = { 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND" };
function restOutcome(key: string, { status, shown }: { status: number; shown: boolean }): string {
  if (status === 204 && key.endsWith("/tasks/next")) return "none";
  if (status >= 200 && status < 400) return shown ? "ok" : "hidden";
  return STATUS_OUTCOME[status] ?? `HTTP ${status}`;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next does; reads the body only for `mustShow` (downloads are not JSON). */
async function statusOf(handler: Handler, method: string, call: MatrixCall): Promise<{ status: number; shown: boolean }> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  let body = call.body;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers["content-type"] = "application/json";
  }
  const url = `http://localhost/api/v1/matrix${call.query ? `?${call.query}` : ""}`;
  const init = { method, headers, body: method === "GET" ? undefined : body };
  const params = Promise.resolve({ id: call.id ?? "", ...call.params });
  const response = await handler(new Request(url, init), { params });
  if (call.mustShow !== undefined) return { status: response.status, shown: (await response.text()).includes(call.mustShow) };
  await response.body?.cancel();
  return { status: response.status, shown: true };
}

/** Every `METHOD /api/v1/...` the REST route files export (tests/fixtures/rest-route-files.ts). */
let walked: Promise<Map<string, Handler>> | undefined;
function restRoutes(): Promise<Map<string, Handler>> {
  walked ??= walkRoutes();
  return walked;
}

async function walkRoutes(): Promise<Map<string, Handler>> {
  const routes = new Map<string, Handler>();
  for (const { file, url } of restRouteFiles()) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof module[method] === "function") routes.set(`${method} ${url}`, module[method] as Handler);
    }
  }
  return routes;
}

describe("authorization matrix: REST", () => {
  it("has a row for every route, and none for ones that are gone", async () => {
    const routes = [...(await restRoutes()).keys()];
    expect(routes.filter((r) => !(r in REST))).toEqual([]);
    expect(Object.keys(REST).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(REST))("%s", async (key, [request, expected, mode]) => {
    const handler = (await restRoutes()).get(key);
    if (!handler) throw new Error(`no route ${key}`);
    const world = await worldFor(mode);
    const seen: Record<string, string> = {};
    for (const p of PERSONAS) {
      const options = await request(world, p);
      seen[p] = restOutcome(key, await statusOf(handler, key.split(" ")[0] ?? "GET", { ...options, token: tokenOf(p) }));
    }
    expect(seen).toEqual(expected);
  });
});
