import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import {
  ADMIN,
  ANY_USER,
  CAMPAIGN_LIST,
  CAMPAIGN_READ,
  CLAIM,
  HIDDEN,
  OWN_TASK,
  PERSONAS,
  PUBLIC,
  READS,
  email,
  matrixDb,
  matrixEndpoint,
  matrixJob,
  waitingPrompt,
  resetToken,
  showing,
  stranger,
  tie,
  setUpMatrixDatabase,
  worldFor,
  type Caller,
  type Expected,
  type Mode,
  type Persona,
  type World,
} from "../fixtures/authorization-matrix";
import { callerFor, TEST_PASSWORD } from "../fixtures/factories";

/**
 * Every tRPC procedure × every kind of caller (tests/fixtures/authorization-matrix.ts), with the
 * outcome each must get. A procedure without a row fails the suite: add one line for it below.
 *
 * A row is `name: [call, preset, READS?]`. Pick the preset for who MUST succeed (DESIGN §10),
 * never the one the code happens to give. Assignment actions target the caller's own task when
 * they have one, else the member's. What a row acts on (an endpoint, a job) is made inline
 * through `w.asAdmin`, once per world with `perWorld`, so the admin's own call proves the
 * input valid.
 */
type TrpcRow = [call: (c: Caller, w: World, p: Persona) => Promise<unknown>, expected: Expected, mode?: Mode];

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
  "export.judges": [(c, w) => c.export.judges({ campaignId: w.campaignId }), ADMIN, READS],
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
  "user.signOutMine": [(c) => c.user.signOutMine(), ANY_USER],
  "user.changePassword": [(c) => c.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "matrix password 2" }), ANY_USER],
  "model.list": [(c) => c.model.list(), ADMIN, READS],
  "model.create": [(c) => c.model.create({ name: `m-${email()}`, base_url: "http://127.0.0.1:9/v1", model: "m" }), ADMIN],
  "model.update": [async (c, w) => c.model.update({ endpointId: await matrixEndpoint(w), input: { model: "m2" } }), ADMIN],
  "model.remove": [async (c, w) => c.model.remove({ endpointId: (await w.asAdmin.model.create({ name: `r-${email()}`, base_url: "http://127.0.0.1:9/v1", model: "m" })).id }), ADMIN],
  "model.test": [async (c, w) => c.model.test({ endpointId: await matrixEndpoint(w) }), ADMIN],
  "job.generate": [async (c, w) => (await waitingPrompt(w), c.job.generate({ campaignId: w.campaignId, input: { endpoints: [await matrixEndpoint(w)], samples_per_endpoint: 2 } })), ADMIN],
  "job.judge": [async (c, w) => c.job.judge({ campaignId: w.campaignId, input: { endpoint: await matrixEndpoint(w) } }), ADMIN],
  "identityLeak.list": [(c, w) => c.identityLeak.list({ campaignId: w.campaignId }), ADMIN, READS],
  "identityLeak.release": [(c, w) => c.identityLeak.release({ campaignId: w.campaignId, input: { item_ids: [w.itemId] } }), ADMIN],
  "identityLeak.recheck": [(c, w) => c.identityLeak.recheck({ campaignId: w.campaignId }), ADMIN],
  "job.byId": [async (c, w) => c.job.byId({ jobId: await matrixJob(w) }), ADMIN],
  "job.listForCampaign": [(c, w) => c.job.listForCampaign({ campaignId: w.campaignId }), ADMIN, READS],
  "job.cancel": [async (c, w) => c.job.cancel({ jobId: await matrixJob(w) }), ADMIN],
  "audit.list": [(c) => c.audit.list({}), ADMIN, READS],
  "audit.actions": [(c) => c.audit.actions(), ADMIN, READS],
  "quality.progress": [(c, w) => c.quality.progress({ campaignId: w.campaignId }), ADMIN, READS],
  "quality.agreement": [(c, w) => c.quality.agreement({ campaignId: w.campaignId, rounds: 5, seed: 1 }), ADMIN, READS],
  "quality.annotators": [(c, w) => c.quality.annotators({ campaignId: w.campaignId }), ADMIN, READS],
  "quality.leaderboard": [(c, w) => c.quality.leaderboard({ campaignId: w.campaignId, rounds: 5, seed: 1 }), ADMIN, READS],
  "quality.judges": [(c, w) => c.quality.judges({ campaignId: w.campaignId }), ADMIN, READS],
  "quality.setExclusion": [(c, w) => c.quality.setExclusion({ campaignId: w.campaignId, userId: w.user.member?.id ?? "", excluded: true }), ADMIN],
  "quality.adjudicationItem": [(c, w) => c.quality.adjudicationItem({ campaignId: w.campaignId, itemId: w.itemId }), ADMIN, READS],
  "quality.adjudicate": [(c, w) => c.quality.adjudicate({ campaignId: w.campaignId, itemId: w.itemId, payload: tie }), ADMIN],
};

setUpMatrixDatabase();

function trpcOutcome(result: PromiseSettledResult<unknown>): string {
  if (result.status === "rejected") return result.reason instanceof TRPCError ? result.reason.code : String(result.reason);
  if (result.value === HIDDEN) return "hidden";
  const value = result.value as { task?: unknown } | null;
  return value && typeof value === "object" && "task" in value && value.task === null ? "none" : "ok";
}

const procedures = Object.keys(appRouter._def.procedures);

describe("authorization matrix: tRPC", () => {
  it("has a row for every procedure, and none for ones that are gone", () => {
    expect(procedures.filter((p) => !(p in TRPC))).toEqual([]);
    expect(Object.keys(TRPC).filter((p) => !procedures.includes(p))).toEqual([]);
  });

  it.each(Object.entries(TRPC))("%s", async (_name, [call, expected, mode]) => {
    const world = await worldFor(mode);
    const seen: Record<string, string> = {};
    for (const p of PERSONAS) {
      const caller = callerFor(matrixDb(), world.user[p]);
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
      const viaToken = callerFor(matrixDb(), world.user.member, { tokenId: randomUUID() });
      const [result] = await Promise.allSettled([entry[0](viaToken, world, "member")]);
      expect([name, trpcOutcome(result as PromiseSettledResult<unknown>)]).toEqual([name, "FORBIDDEN"]);
    }
  });
});
