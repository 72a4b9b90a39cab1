import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { assignments, campaignMembers, invitations, items, users } from "@/db/schema";
import { verifyCredentials } from "@/server/services/users/verify-credentials";
import {
  addAnnotator,
  callerFor,
  createCampaign,
  createUser,
  importNative,
  pairwiseLines,
} from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { realItemId } from "../fixtures/task-ids";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function setup() {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
  await importNative(db, { campaignId: campaign.id, text: pairwiseLines(3) });
  return { admin, campaign, adminCaller: callerFor(db, admin) };
}

describe("campaign members", () => {
  it("a paused member gets no tasks until resumed", async () => {
    const { campaign, adminCaller } = await setup();
    const annotator = await createUser(database.db, { role: "annotator" });
    await addAnnotator(database.db, { campaignId: campaign.id, annotator });
    await adminCaller.campaign.setMemberStatus({
      campaignId: campaign.id,
      userId: annotator.id,
      status: "paused",
    });
    const caller = callerFor(database.db, annotator);
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toMatchObject({
      task: null,
      reason: "member_paused",
    });
    await adminCaller.campaign.setMemberStatus({
      campaignId: campaign.id,
      userId: annotator.id,
      status: "active",
    });
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task).not.toBeNull();
    const [member] = await adminCaller.campaign.members({ campaignId: campaign.id });
    expect(member?.status).toBe("active");
  });

  it("removing a member frees their leased slot, keeps their judgements, and hides the campaign from them", async () => {
    const { campaign, adminCaller } = await setup();
    const annotator = await createUser(database.db, { role: "annotator" });
    await addAnnotator(database.db, { campaignId: campaign.id, annotator });
    const caller = callerFor(database.db, annotator);
    const first = await caller.task.claimNext({ campaignId: campaign.id });
    if (!first.task) throw new Error("expected a task");
    await caller.task.submit({
      assignmentId: first.task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      payload: { choice: "tie" },
    });
    const second = await caller.task.claimNext({ campaignId: campaign.id });
    if (!second.task) throw new Error("expected a second task");
    const leasedItem = await realItemId(database.db, second.task);

    expect(
      await adminCaller.campaign.removeMember({ campaignId: campaign.id, userId: annotator.id }),
    ).toEqual({ releasedLeases: 1 });
    const [item] = await database.db.select().from(items).where(eq(items.id, leasedItem));
    expect(item?.openSlots).toBe(1);
    const statuses = await database.db
      .select({ status: assignments.status })
      .from(assignments)
      .where(eq(assignments.annotatorId, annotator.id));
    expect(statuses.map((s) => s.status).sort()).toEqual(["expired", "submitted"]);
    await expect(caller.task.claimNext({ campaignId: campaign.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await adminCaller.campaign.members({ campaignId: campaign.id })).toEqual([]);
    await expect(
      adminCaller.campaign.removeMember({ campaignId: campaign.id, userId: annotator.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("invitation links", () => {
  it("a new person signs up through a link, joins as annotator, and can sign in and claim", async () => {
    const { campaign, adminCaller } = await setup();
    const { token } = await adminCaller.invitation.create({ campaignId: campaign.id });
    const visitor = callerFor(database.db, null);
    expect(await visitor.invitation.describe({ token })).toMatchObject({
      state: "open",
      campaignName: campaign.name,
      email: null,
    });

    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const joined = await visitor.invitation.signUp({
      token,
      email: email.toUpperCase(),
      password: "a good password",
    });
    expect(joined).toMatchObject({
      campaignId: campaign.id,
      createdAccount: true,
      alreadyMember: false,
    });
    const user = await verifyCredentials(database.db, { email, password: "a good password" });
    expect(user).toMatchObject({ role: "annotator", email });
    if (!user) throw new Error("expected to sign in");
    expect(
      (await callerFor(database.db, user).task.claimNext({ campaignId: campaign.id })).task,
    ).not.toBeNull();

    expect(await visitor.invitation.describe({ token })).toMatchObject({ state: "used" });
    const [listed] = await adminCaller.invitation.list({ campaignId: campaign.id });
    expect(listed).toMatchObject({ state: "used", usedByEmail: email });
    const [stored] = await database.db
      .select()
      .from(invitations)
      .where(eq(invitations.campaignId, campaign.id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a link works once, even when two people race for it", async () => {
    const { campaign, adminCaller } = await setup();
    const { token } = await adminCaller.invitation.create({ campaignId: campaign.id });
    const visitor = callerFor(database.db, null);
    const emails = [1, 2, 3].map(
      (i) => `race-${i}-${crypto.randomUUID().slice(0, 6)}@example.test`,
    );
    const results = await Promise.allSettled(
      emails.map((email) =>
        visitor.invitation.signUp({ token, email, password: "a good password" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({
          code: "CONFLICT",
          message: expect.stringMatching(/already been used/),
        });
    const [members] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaignMembers)
      .where(eq(campaignMembers.campaignId, campaign.id));
    expect(members?.n).toBe(1);
    // The losers' accounts were rolled back with their transactions.
    const created = await database.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, emails));
    expect(created).toHaveLength(1);
  });

  it("an expired link is refused with a clear message and writes nothing", async () => {
    const { campaign, adminCaller } = await setup();
    const { token, id } = await adminCaller.invitation.create({
      campaignId: campaign.id,
      expires_in_hours: 1,
    });
    await database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, id));
    const visitor = callerFor(database.db, null);
    expect(await visitor.invitation.describe({ token })).toMatchObject({ state: "expired" });
    const email = `late-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await expect(
      visitor.invitation.signUp({ token, email, password: "a good password" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/expired/),
    });
    expect(await database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("an existing user accepts while signed in; a link for one email refuses anyone else", async () => {
    const { campaign, adminCaller } = await setup();
    const annotator = await createUser(database.db, { role: "annotator" });
    const other = await createUser(database.db, { role: "annotator" });
    const { token } = await adminCaller.invitation.create({
      campaignId: campaign.id,
      email: annotator.email,
    });
    await expect(callerFor(database.db, other).invitation.accept({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await callerFor(database.db, annotator).invitation.accept({ token })).toMatchObject({
      createdAccount: false,
      alreadyMember: false,
    });
    const member = await database.db
      .select()
      .from(campaignMembers)
      .where(
        and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.userId, annotator.id)),
      );
    expect(member).toHaveLength(1);
  });

  it("signing up with an email that has an account asks to sign in instead; unknown tokens learn nothing", async () => {
    const { campaign, adminCaller } = await setup();
    const existing = await createUser(database.db, { role: "annotator" });
    const { token } = await adminCaller.invitation.create({ campaignId: campaign.id });
    const visitor = callerFor(database.db, null);
    await expect(
      visitor.invitation.signUp({ token, email: existing.email, password: "whatever123" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/sign in/),
    });
    expect(await visitor.invitation.describe({ token })).toMatchObject({ state: "open" });
    expect(await visitor.invitation.describe({ token: "x".repeat(43) })).toEqual({
      state: "unknown",
    });
    await expect(
      visitor.invitation.signUp({ token: "nope", email: "a@b.test", password: "whatever123" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(visitor.invitation.accept({ token })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("admins revoke unused links; annotators cannot make or list them", async () => {
    const { campaign, adminCaller } = await setup();
    const { token, id } = await adminCaller.invitation.create({ campaignId: campaign.id });
    await adminCaller.invitation.revoke({ campaignId: campaign.id, invitationId: id });
    expect(await callerFor(database.db, null).invitation.describe({ token })).toEqual({
      state: "unknown",
    });
    const annotator = callerFor(database.db, await createUser(database.db, { role: "annotator" }));
    await expect(annotator.invitation.create({ campaignId: campaign.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(annotator.invitation.list({ campaignId: campaign.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
