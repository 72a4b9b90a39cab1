import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { addAnnotator, callerFor, createCampaign, createUser, importNative, pairwiseLines } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("authorization tiers", () => {
  it("every procedure declares a tier", () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { tier?: string } } }>);
    expect(procedures.length).toBeGreaterThan(5);
    const missing = procedures.filter(([, p]) => !["public", "user", "session", "admin"].includes(p._def.meta?.tier ?? "")).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("a signed-out caller gets UNAUTHORIZED from user and admin procedures", async () => {
    const caller = callerFor(database.db, null);
    await expect(caller.campaign.create({ name: "nope" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller.campaign.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await caller.user.me()).toBeNull();
  });

  it("an annotator calling admin procedures gets FORBIDDEN and nothing is written", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin });
    const caller = callerFor(db, annotator);
    await expect(caller.campaign.create({ name: "mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.campaign.setStatus({ campaignId: campaign.id, status: "archived" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.campaign.addMember({ campaignId: campaign.id, email: annotator.email })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.user.create({ email: "x@example.test", role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adminView = await callerFor(db, admin).campaign.byId({ campaignId: campaign.id });
    expect(adminView.status).toBe("active");
    expect(await callerFor(db, admin).campaign.members({ campaignId: campaign.id })).toEqual([]);
  });

  it("an annotator sees only campaigns they belong to and cannot claim elsewhere", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const member = await createUser(db, { role: "annotator" });
    const outsider = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin });
    await importNative(db, { campaignId: campaign.id, text: pairwiseLines(2) });
    await addAnnotator(db, { campaignId: campaign.id, annotator: member });

    expect((await callerFor(db, member).campaign.list()).map((c) => c.id)).toContain(campaign.id);
    expect((await callerFor(db, outsider).campaign.list()).map((c) => c.id)).not.toContain(campaign.id);
    const outsiderCaller = callerFor(db, outsider);
    await expect(outsiderCaller.campaign.byId({ campaignId: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsiderCaller.task.claimNext({ campaignId: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsiderCaller.task.progress({ campaignId: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsiderCaller.task.recent({ campaignId: campaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { task } = await callerFor(db, member).task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("expected a task");
    await expect(
      outsiderCaller.task.submit({ assignmentId: task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("internal errors reach the client as a generic message", async () => {
    const admin = await createUser(database.db, { role: "admin" });
    const broken = callerFor({} as never, admin);
    const error = await broken.campaign.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });
});
