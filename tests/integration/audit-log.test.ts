import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "@/app/api/v1/audit-events/route";
import { GET as listMembersRoute } from "@/app/api/v1/campaigns/[id]/members/route";
import {
  DELETE as removeMemberRoute,
  PATCH as patchMemberRoute,
} from "@/app/api/v1/campaigns/[id]/members/[user_id]/route";
import { getRequestUser } from "@/server/auth/request-user";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { recordSignIn } from "@/server/services/users/record-sign-in";
import { addAnnotator, callerFor, createCampaign, createUser } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

interface Page {
  events: { id: string; action: string; actor_email: string | null; subject_label: string | null; details: Record<string, unknown> }[];
  next_cursor: string | null;
}

async function audit(token: string, query: string): Promise<Page> {
  const res = await callRoute(auditRoute, "GET", { token, query });
  expect(res.status).toBe(200);
  return res.json as Page;
}

describe("the audit log", () => {
  it("filters by campaign, user, action and time, and pages without gaps or repeats", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const campaign = await createCampaign(db, { admin });
    const other = await createCampaign(db, { admin });
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    await callerFor(db, admin).user.update({ userId: annotator.id, changes: { disabled: true } });
    for (let i = 0; i < 7; i++) {
      await recordAuditEvent(db, { actorId: admin.id, action: "campaign.update", campaignId: campaign.id, details: { i } });
    }

    const ofCampaign = await audit(token, `campaign_id=${campaign.id}&limit=200`);
    expect(ofCampaign.events.map((e) => e.action).sort()).toEqual(
      ["campaign.create", "campaign.member.add", ...Array<string>(7).fill("campaign.update")].sort(),
    );
    expect((await audit(token, `campaign_id=${other.id}`)).events.map((e) => e.action)).toEqual(["campaign.create"]);

    const ofUser = await audit(token, `user_id=${annotator.id}`);
    expect(ofUser.events.map((e) => e.action)).toEqual(["user.disable", "campaign.member.add"]);
    expect(ofUser.events[0]).toMatchObject({ actor_email: admin.email, subject_label: annotator.email });

    const members = await audit(token, `campaign_id=${campaign.id}&action=campaign.member.*`);
    expect(members.events.map((e) => e.action)).toEqual(["campaign.member.add"]);

    // Keyset pages of 3 over the 7 updates: every event exactly once (events written in the
    // same microsecond tie on time, so the order among them is by id, not by i).
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await audit(
        token,
        `campaign_id=${campaign.id}&action=campaign.update&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.events.map((e) => Number(e.details.i)));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await audit(token, `campaign_id=${campaign.id}&since=${future}`)).events).toEqual([]);
    expect((await audit(token, `campaign_id=${campaign.id}&until=${future}&limit=200`)).events).toHaveLength(9);

    expect((await callRoute(auditRoute, "GET", { token, query: "cursor=nonsense" })).status).toBe(400);
    expect((await callRoute(auditRoute, "GET", { token, query: "colour=blue" })).status).toBe(400);
    expect((await callRoute(auditRoute, "GET", { token: await tokenFor(db, annotator) })).status).toBe(401);
    const stranger = await createUser(db, { role: "annotator" });
    expect((await callRoute(auditRoute, "GET", { token: await tokenFor(db, stranger) })).status).toBe(403);
  });

  it("records sign-ins, failed sign-ins and a token's use from a new IP", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const adminToken = await tokenFor(db, admin);
    const user = await createUser(db, { role: "annotator" });
    await recordSignIn(db, { email: user.email, user, ip: "198.51.100.1" });
    await recordSignIn(db, { email: user.email, user: null, ip: "198.51.100.2" });
    const token = await tokenFor(db, user);
    const from = (ip: string) =>
      getRequestUser(db, new Request("http://x/", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": `10.0.0.1, ${ip}` } }));
    await from("192.0.2.10");
    await from("192.0.2.10");
    await from("192.0.2.11");

    const events = (await audit(adminToken, `user_id=${user.id}`)).events;
    expect(events.map((e) => [e.action, e.details.ip])).toEqual([
      ["token.new_ip", "192.0.2.11"],
      ["token.new_ip", "192.0.2.10"],
      ["token.create", undefined],
      ["user.sign_in_failed", "198.51.100.2"],
      ["user.sign_in", "198.51.100.1"],
    ]);
  });
});

describe("members over REST", () => {
  it("lists, pauses, resumes and removes a campaign's members", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const campaign = await createCampaign(db, { admin });
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const target = { id: campaign.id, params: { user_id: annotator.id } };

    const listed = await callRoute(listMembersRoute, "GET", { token, id: campaign.id });
    expect(listed.json).toMatchObject({ members: [{ user_id: annotator.id, status: "active", submitted: 0 }] });

    const paused = await callRoute(patchMemberRoute, "PATCH", { token, ...target, json: { status: "paused" } });
    expect(paused.json).toEqual({ user_id: annotator.id, status: "paused" });
    expect(await callRoute(listMembersRoute, "GET", { token, id: campaign.id })).toMatchObject({
      json: { members: [{ status: "paused" }] },
    });
    expect((await callRoute(patchMemberRoute, "PATCH", { token, ...target, json: { status: "gone" } })).status).toBe(400);

    expect((await callRoute(removeMemberRoute, "DELETE", { token, ...target })).status).toBe(200);
    expect((await callRoute(listMembersRoute, "GET", { token, id: campaign.id })).json).toEqual({ members: [] });
    expect((await callRoute(removeMemberRoute, "DELETE", { token, ...target })).status).toBe(404);
    expect((await callRoute(listMembersRoute, "GET", { token, id: crypto.randomUUID() })).status).toBe(404);

    const annotatorToken = await tokenFor(db, annotator);
    expect((await callRoute(listMembersRoute, "GET", { token: annotatorToken, id: campaign.id })).status).toBe(403);
    expect((await callRoute(removeMemberRoute, "DELETE", { token: annotatorToken, ...target })).status).toBe(403);
  });
});
