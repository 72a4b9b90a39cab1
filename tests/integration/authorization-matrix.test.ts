import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgements as judgementsTable } from "@/db/schema";
import { removeMember } from "@/server/services/campaigns/remove-member";
import { setMemberStatus } from "@/server/services/campaigns/set-member-status";
import { createInvitation } from "@/server/services/campaigns/create-invitation";
import { createPasswordReset } from "@/server/services/users/create-password-reset";
import type { SessionUser } from "@/server/services/users/session-user";
import { appRouter } from "@/server/trpc/root";
import { addAnnotator, callerFor, createCampaign, createUser, importNative, pairwiseLines } from "../fixtures/factories";
import { restOn, tokenFor, type RestCall } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

/**
 * Every tRPC procedure and every REST route × every kind of caller, with the outcome each must
 * get. A procedure or route without a row fails the suite: add one line for it below.
 *
 *   signedOut  no session, no token
 *   outsider   an annotator who is not in the campaign
 *   removed    an annotator removed from the campaign (after working in it)
 *   paused     an annotator paused in the campaign (after working in it)
 *   member     an active annotator of the campaign
 *   admin      an admin (not a member)
 *
 * Assignment actions target the caller's own task when they have one, else the member's.
 * "none" means allowed, but nothing to hand out (a claim answering "nothing for you").
 * "hidden" means allowed, but the reply does not show the campaign (a list without it).
 *
 * A row is `name: [call, preset, READS?]`. Pick the preset for who MUST succeed (DESIGN §10),
 * never the one the code happens to give; a row that acts on something (an endpoint, a job, a
 * user) makes it inline through `w.asAdmin`, so the admin's own call proves the input valid.
 */
const PERSONAS = ["signedOut", "outsider", "removed", "paused", "member", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = "ok" | "none" | "hidden" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Expected = Record<Persona, Outcome>;

const row = (...outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]): Expected =>
  Object.fromEntries(PERSONAS.map((p, i) => [p, outcomes[i]])) as Expected;
//                          signedOut       outsider     removed      paused       member       admin
const PUBLIC = /*      */ row("ok", /*   */ "ok", /*   */ "ok", /*   */ "ok", /*   */ "ok", /*   */ "ok");
const ANY_USER = /*    */ row("UNAUTHORIZED", "ok", /*  */ "ok", /*   */ "ok", /*   */ "ok", /*   */ "ok");
const CAMPAIGN_LIST = row("UNAUTHORIZED", "hidden", /**/ "hidden", "ok", /*  */ "ok", /*   */ "ok");
const ADMIN = /*       */ row("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok");
const CAMPAIGN_READ = row("UNAUTHORIZED", "NOT_FOUND", "NOT_FOUND", "ok", /*  */ "ok", /*   */ "ok");
const CLAIM = /*       */ row("UNAUTHORIZED", "NOT_FOUND", "NOT_FOUND", "none", /**/ "ok", /*   */ "NOT_FOUND");
const OWN_TASK = /*    */ row("UNAUTHORIZED", "NOT_FOUND", "NOT_FOUND", "FORBIDDEN", "ok", /*  */ "NOT_FOUND");

interface World {
  campaignId: string;
  /** An item the member judged (what an admin adjudicates). */
  itemId: string;
  user: Record<Persona, SessionUser | null>;
  /** The admin's own caller, to set up what a row acts on (an id to read, update, delete). */
  asAdmin: Caller;

  /** The caller's own leased assignment, else the member's. */
  lease: (p: Persona) => string;
  /** The caller's own submitted judgement, else the member's. */
  judgement: (p: Persona) => string;
  /** A fresh invitation link to the campaign. */
  invite: () => Promise<string>;
}

type Caller = ReturnType<typeof callerFor>;
/** `READS`: the row changes nothing another row could notice, so it may share a world. */
const READS = "reads";
type TrpcRow = [call: (c: Caller, w: World, p: Persona) => Promise<unknown>, expected: Expected, mode?: typeof READS];
/** `mustShow`: an id the reply must contain, else the outcome is "hidden". */
type MatrixCall = RestCall & { mustShow?: string };
type RestRow = [request: (w: World, p: Persona) => MatrixCall | Promise<MatrixCall>, expected: Expected, mode?: typeof READS];

const HIDDEN = Symbol("hidden");
/** For a list: the reply, or HIDDEN when it does not contain `id`. */
const showing = (id: string) => (reply: unknown) => (JSON.stringify(reply).includes(id) ? reply : HIDDEN);

const email = () => `matrix-${randomUUID().slice(0, 8)}@example.test`;
const member = (w: World) => ({ user_id: w.user.member?.id ?? "" });

/** `make` once per world: what several personas' calls act on (one user, one job). */
function perWorld<T>(make: (w: World) => Promise<T>): (w: World) => Promise<T> {
  const made = new WeakMap<World, Promise<T>>();
  return (w) => {
    const found = made.get(w);
    if (found) return found;
    const making = make(w);
    made.set(w, making);
    return making;
  };
}
/** An annotator outside the campaign, for the user administration rows to act on. */
const stranger = perWorld(async () => (await createUser(database.db, { role: "annotator" })).id);
/** A fresh password reset link (its token) for the stranger. */
const resetToken = async (w: World) => (await createPasswordReset(database.db, { userId: await stranger(w), actorId: null })).token;
const tie = { choice: "tie" };

const TRPC: Record<string, TrpcRow> = {
  "campaign.list": [(c, w) => c.campaign.list().then(showing(w.campaignId)), CAMPAIGN_LIST, READS],
  "campaign.byId": [(c, w) => c.campaign.byId({ campaignId: w.campaignId }), CAMPAIGN_READ, READS],
  "campaign.create": [(c) => c.campaign.create({ name: "matrix" }), ADMIN],
  "campaign.update": [(c, w) => c.campaign.update({ campaignId: w.campaignId, input: { description: "x" } }), ADMIN],
  "campaign.duplicate": [(c, w) => c.campaign.duplicate({ campaignId: w.campaignId }), ADMIN],
  "campaign.setStatus": [(c, w) => c.campaign.setStatus({ campaignId: w.campaignId, status: "paused" }), ADMIN],
  "campaign.members": [(c, w) => c.campaign.members({ campaignId: w.campaignId }), ADMIN, READS],
  "campaign.addMember": [(c, w) => c.campaign.addMember({ campaignId: w.campaignId, email: w.user.outsider?.email ?? "" }), ADMIN],
  "campaign.setMemberStatus": [(c, w) => c.campaign.setMemberStatus({ campaignId: w.campaignId, userId: w.user.member?.id ?? "", status: "paused" }), ADMIN],
  "campaign.removeMember": [(c, w) => c.campaign.removeMember({ campaignId: w.campaignId, userId: w.user.member?.id ?? "" }), ADMIN],
  "export.preview": [(c, w) => c.export.preview({ campaignId: w.campaignId, options: { format: "judgements" } }), ADMIN, READS],
  "export.history": [(c, w) => c.export.history({ campaignId: w.campaignId }), ADMIN, READS],
  "invitation.create": [(c, w) => c.invitation.create({ campaignId: w.campaignId }), ADMIN],
  "invitation.list": [(c, w) => c.invitation.list({ campaignId: w.campaignId }), ADMIN, READS],
  "invitation.revoke": [async (c, w) => c.invitation.revoke({ campaignId: w.campaignId, invitationId: (await w.asAdmin.invitation.create({ campaignId: w.campaignId })).id }), ADMIN],
  "invitation.describe": [async (c, w) => c.invitation.describe({ token: await w.invite() }), PUBLIC, READS],
  "invitation.signUp": [async (c, w) => c.invitation.signUp({ token: await w.invite(), email: email(), password: "matrix password" }), PUBLIC],
  "invitation.accept": [async (c, w) => c.invitation.accept({ token: await w.invite() }), ANY_USER],
  "task.claimNext": [(c, w) => c.task.claimNext({ campaignId: w.campaignId }), CLAIM, READS],
  "task.heartbeat": [(c, w, p) => c.task.heartbeat({ assignmentId: w.lease(p) }), OWN_TASK],
  "task.saveDraft": [(c, w, p) => c.task.saveDraft({ assignmentId: w.lease(p), draft: tie }), OWN_TASK],
  "task.progress": [(c, w) => c.task.progress({ campaignId: w.campaignId }), CAMPAIGN_READ, READS],
  "task.recent": [(c, w) => c.task.recent({ campaignId: w.campaignId }), CAMPAIGN_READ, READS],
  "task.skip": [(c, w, p) => c.task.skip({ assignmentId: w.lease(p), reason: "matrix", claimNext: true }), OWN_TASK],
  "task.submit": [(c, w, p) => c.task.submit({ assignmentId: w.lease(p), idempotencyKey: randomUUID(), payload: tie }), OWN_TASK],
  "task.revise": [(c, w, p) => c.task.revise({ judgementId: w.judgement(p), idempotencyKey: randomUUID(), payload: { choice: "both_bad" } }), OWN_TASK],
  "token.list": [(c) => c.token.list(), ANY_USER, READS],
  "token.create": [(c) => c.token.create({ name: "matrix" }), ANY_USER],
  "token.revoke": [async (c) => c.token.revoke({ tokenId: (await c.token.create({ name: "to revoke" })).id }), ANY_USER],
  "user.me": [(c) => c.user.me(), PUBLIC, READS],
  "user.create": [(c) => c.user.create({ email: email(), role: "annotator" }), ADMIN],
  "user.list": [(c) => c.user.list({}), ADMIN, READS],
  "user.byId": [(c, w) => c.user.byId({ userId: w.user.member?.id ?? "" }), ADMIN, READS],
  "user.update": [async (c, w) => c.user.update({ userId: await stranger(w), changes: { name: "Renamed" } }), ADMIN],
  "user.signOutEverywhere": [async (c, w) => c.user.signOutEverywhere({ userId: await stranger(w) }), ADMIN],
  "user.createResetLink": [async (c, w) => c.user.createResetLink({ userId: await stranger(w) }), ADMIN],
  "user.checkResetLink": [async (c, w) => c.user.checkResetLink({ token: await resetToken(w) }), PUBLIC, READS],
  "user.resetPassword": [async (c, w) => c.user.resetPassword({ token: await resetToken(w), password: "matrix password" }), PUBLIC],
  "audit.list": [(c) => c.audit.list({}), ADMIN, READS],
  "audit.actions": [(c) => c.audit.actions(), ADMIN, READS],
  "quality.progress": [(c, w) => c.quality.progress({ campaignId: w.campaignId }), ADMIN, READS],
  "quality.agreement": [(c, w) => c.quality.agreement({ campaignId: w.campaignId, rounds: 5, seed: 1 }), ADMIN, READS],
  "quality.annotators": [(c, w) => c.quality.annotators({ campaignId: w.campaignId }), ADMIN, READS],
  "quality.leaderboard": [(c, w) => c.quality.leaderboard({ campaignId: w.campaignId, rounds: 5, seed: 1 }), ADMIN, READS],
  "quality.setExclusion": [(c, w) => c.quality.setExclusion({ campaignId: w.campaignId, userId: w.user.member?.id ?? "", excluded: true }), ADMIN],
  "quality.adjudicationItem": [(c, w) => c.quality.adjudicationItem({ campaignId: w.campaignId, itemId: w.itemId }), ADMIN, READS],
  "quality.adjudicate": [(c, w) => c.quality.adjudicate({ campaignId: w.campaignId, itemId: w.itemId, payload: tie }), ADMIN],
};

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
  "GET /api/v1/docs": [() => ({}), PUBLIC, READS],
  "GET /api/v1/openapi.json": [() => ({}), PUBLIC, READS],
};

let database: TestDatabase;
let restore: () => void;
let people: Record<Exclude<Persona, "signedOut">, SessionUser>;
let tokens: Record<Persona, string | null>;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  const { db } = database;
  const annotator = () => createUser(db, { role: "annotator" });
  people = {
    outsider: await annotator(),
    removed: await annotator(),
    paused: await annotator(),
    member: await annotator(),
    admin: await createUser(db, { role: "admin" }),
  };
  tokens = { signedOut: null } as Record<Persona, string | null>;
  for (const [p, user] of Object.entries(people)) tokens[p as Persona] = await tokenFor(db, user);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

let shared: Promise<World> | undefined;
function worldFor(mode: typeof READS | undefined): Promise<World> {
  if (mode !== READS) return buildWorld();
  shared ??= buildWorld();
  return shared;
}

/** A fresh campaign in which removed, paused and member have each judged one task and hold another. */
async function buildWorld(): Promise<World> {
  const { db } = database;
  const campaign = await createCampaign(db, { admin: people.admin });
  await importNative(db, { campaignId: campaign.id, text: pairwiseLines(6) });
  const leases = new Map<Persona, string>();
  const judgements = new Map<Persona, string>();
  const work = async (p: "removed" | "paused" | "member") => {
    await addAnnotator(db, { campaignId: campaign.id, annotator: people[p] });
    const caller = callerFor(db, people[p]);
    const first = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!first) throw new Error("expected a task");
    const submitted = await caller.task.submit({ assignmentId: first.assignmentId, idempotencyKey: randomUUID(), payload: tie });
    judgements.set(p, submitted.judgementId);
    const held = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!held) throw new Error("expected a second task");
    leases.set(p, held.assignmentId);
  };
  // Independent annotators: side by side, as they would work.
  await Promise.all([work("removed"), work("paused"), work("member")]);
  await Promise.all([
    setMemberStatus(db, { campaignId: campaign.id, userId: people.paused.id, status: "paused", actorId: null }),
    removeMember(db, { campaignId: campaign.id, userId: people.removed.id, actorId: null }),
  ]);
  const own = (map: Map<Persona, string>) => (p: Persona) => map.get(p) ?? map.get("member") ?? "";
  const memberJudgement = eq(judgementsTable.id, judgements.get("member") ?? "");
  const [judged] = await db.select({ itemId: judgementsTable.itemId }).from(judgementsTable).where(memberJudgement);
  if (!judged) throw new Error("expected the member's judgement");
  return {
    campaignId: campaign.id,
    itemId: judged.itemId,
    asAdmin: callerFor(db, people.admin),
    user: { signedOut: null, ...people },
    lease: own(leases),
    judgement: own(judgements),
    invite: async () =>
      (await createInvitation(db, { input: { campaignId: campaign.id }, actorId: people.admin.id })).token,
  };
}

function trpcOutcome(result: PromiseSettledResult<unknown>): string {
  if (result.status === "rejected") return result.reason instanceof TRPCError ? result.reason.code : String(result.reason);
  if (result.value === HIDDEN) return "hidden";
  const value = result.value as { task?: unknown } | null;
  return value && typeof value === "object" && "task" in value && value.task === null ? "none" : "ok";
}

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

/** Every `METHOD /api/v1/...` the route files under app/api/v1 export. */
let walked: Promise<Map<string, Handler>> | undefined;
function restRoutes(): Promise<Map<string, Handler>> {
  walked ??= walkRoutes();
  return walked;
}

async function walkRoutes(): Promise<Map<string, Handler>> {
  const root = path.resolve(__dirname, "../../app/api/v1");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts") files.push(full);
    }
  };
  walk(root);
  const routes = new Map<string, Handler>();
  for (const file of files) {
    const url = `/api/v1/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "");
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof module[method] === "function") routes.set(`${method} ${url}`, module[method] as Handler);
    }
  }
  return routes;
}

const procedures = Object.keys(appRouter._def.procedures);

describe("authorization matrix", () => {
  it("has a row for every tRPC procedure and every REST route, and none for ones that are gone", async () => {
    expect(procedures.filter((p) => !(p in TRPC))).toEqual([]);
    expect(Object.keys(TRPC).filter((p) => !procedures.includes(p))).toEqual([]);
    const routes = [...(await restRoutes()).keys()];
    expect(routes.filter((r) => !(r in REST))).toEqual([]);
    expect(Object.keys(REST).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(TRPC))("tRPC %s", async (_name, [call, expected, mode]) => {
    const world = await worldFor(mode);
    const seen: Record<string, string> = {};
    for (const p of PERSONAS) {
      const caller = callerFor(database.db, world.user[p]);
      seen[p] = trpcOutcome((await Promise.allSettled([call(caller, world, p)]))[0] as PromiseSettledResult<unknown>);
    }
    expect(seen).toEqual(expected);
  });

  it("session-tier procedures refuse a caller who came with an API token", async () => {
    const world = await worldFor(READS);
    const defs = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: string } } }>;
    const sessionOnly = procedures.filter((p) => defs[p]?._def.meta?.tier === "session");
    expect(sessionOnly.length).toBeGreaterThan(0);
    for (const name of sessionOnly) {
      const entry = TRPC[name];
      if (!entry) throw new Error(`no row for ${name}`);
      const viaToken = callerFor(database.db, people.member, { tokenId: randomUUID() });
      const [result] = await Promise.allSettled([entry[0](viaToken, world, "member")]);
      expect([name, trpcOutcome(result as PromiseSettledResult<unknown>)]).toEqual([name, "FORBIDDEN"]);
    }
  });

  it.each(Object.entries(REST))("REST %s", async (key, [request, expected, mode]) => {
    const handler = (await restRoutes()).get(key);
    if (!handler) throw new Error(`no route ${key}`);
    const world = await worldFor(mode);
    const seen: Record<string, string> = {};
    for (const p of PERSONAS) {
      const options = await request(world, p);
      seen[p] = restOutcome(key, await statusOf(handler, key.split(" ")[0] ?? "GET", { ...options, token: tokens[p] }));
    }
    expect(seen).toEqual(expected);
  });
});
