import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assignments, judgements } from "@/db/schema";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { expireLease, itemRow, setLeaseTtl, setupCampaign, submission, waitForDatabaseTime } from "./assignment-setup";
import { realItemId } from "../fixtures/task-ids";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function claim(caller: ReturnType<typeof callerFor>, campaignId: string) {
  const { task } = await caller.task.claimNext({ campaignId });
  if (!task) throw new Error("expected a task");
  return task;
}

describe("leases", () => {
  it("serves an abandoned item to someone else once its short lease has expired", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 2, input: { overlap: 1 } });
    await setLeaseTtl(db, campaign.id, 1);
    const [walker, patient] = annotators.map((a) => callerFor(db, a));
    if (!walker || !patient) throw new Error("two annotators");
    const abandoned = await claim(walker, campaign.id);
    expect((await patient.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");

    await waitForDatabaseTime(db, abandoned.expiresAt);
    const taken = await claim(patient, campaign.id);
    expect(await realItemId(db, taken)).toBe(await realItemId(db, abandoned));
    const [old] = await db.select().from(assignments).where(eq(assignments.id, abandoned.assignmentId));
    expect(old?.status).toBe("expired");
    // The walker never gets the same item again, even though it was never judged by them.
    expect((await walker.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");
  });

  it("a heartbeat keeps the lease alive past its original expiry", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1 });
    await setLeaseTtl(db, campaign.id, 30);
    const caller = callerFor(db, annotators[0] ?? null);
    const task = await claim(caller, campaign.id);
    const { expiresAt } = await caller.task.heartbeat({ assignmentId: task.assignmentId });
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(task.expiresAt.getTime());
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task?.assignmentId).toBe(task.assignmentId);
  });

  it("accepts a late submit while the item still has room", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 2, input: { overlap: 2 } });
    const [late, other] = annotators.map((a) => callerFor(db, a));
    if (!late || !other) throw new Error("two annotators");
    const task = await claim(late, campaign.id);
    await expireLease(db, task.assignmentId);
    await claim(other, campaign.id); // releases the expired lease on its way

    const result = await late.task.submit(submission(task));
    expect(result.created).toBe(true);
    const item = await itemRow(db, await realItemId(db, task));
    expect(item).toMatchObject({ judgementCount: 1, openSlots: 0 });
  });

  it("refuses a late submit with CONFLICT once the item is full, storing nothing", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 2, input: { overlap: 1 } });
    const [late, other] = annotators.map((a) => callerFor(db, a));
    if (!late || !other) throw new Error("two annotators");
    const task = await claim(late, campaign.id);
    await late.task.saveDraft({ assignmentId: task.assignmentId, draft: { choice: "tie" } });
    await expireLease(db, task.assignmentId);
    const replacement = await claim(other, campaign.id);
    expect(await realItemId(db, replacement)).toBe(await realItemId(db, task));
    await other.task.submit(submission(replacement));

    await expect(late.task.submit(submission(task))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/ran out/) as unknown,
    });
    const stored = await db.select().from(judgements).where(eq(judgements.itemId, await realItemId(db, task)));
    expect(stored).toHaveLength(1);
    const [kept] = await db.select().from(assignments).where(eq(assignments.id, task.assignmentId));
    expect(kept).toMatchObject({ status: "expired", draft: { choice: "tie" } });
    expect(await itemRow(db, await realItemId(db, task))).toMatchObject({ judgementCount: 1, openSlots: 0 });
  });

  it("a late submit on a lease nobody released yet still counts: its slot was never given away", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1, input: { overlap: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const task = await claim(caller, campaign.id);
    await expireLease(db, task.assignmentId);
    expect((await caller.task.submit(submission(task))).created).toBe(true);
    expect(await itemRow(db, await realItemId(db, task))).toMatchObject({ judgementCount: 1, openSlots: 0 });
  });

  it("skipping needs a reason and frees the slot for another annotator, never for the skipper", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 2, input: { overlap: 1 } });
    const [skipper, other] = annotators.map((a) => callerFor(db, a));
    if (!skipper || !other) throw new Error("two annotators");
    const task = await claim(skipper, campaign.id);
    await expect(skipper.task.skip({ assignmentId: task.assignmentId, reason: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await other.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");
    await skipper.task.skip({ assignmentId: task.assignmentId, reason: "Responses are in a language I do not read" });

    const [skipped] = await db.select().from(assignments).where(eq(assignments.id, task.assignmentId));
    expect(skipped).toMatchObject({ status: "skipped", skipReason: "Responses are in a language I do not read" });
    expect((await skipper.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");
    expect(await realItemId(db, await claim(other, campaign.id))).toBe(await realItemId(db, task));
    await expect(skipper.task.submit(submission(task))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a double-clicked submit stores one judgement and answers both with it", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 2, annotators: 1, input: { overlap: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const task = await claim(caller, campaign.id);
    const body = submission(task);
    const [a, b] = await Promise.all([caller.task.submit(body), caller.task.submit(body)]);
    expect(a.judgementId).toBe(b.judgementId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await expect(caller.task.submit(submission(task))).rejects.toMatchObject({ code: "CONFLICT" });
    const next = await claim(caller, campaign.id);
    await expect(caller.task.submit({ ...submission(next), idempotencyKey: body.idempotencyKey })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
