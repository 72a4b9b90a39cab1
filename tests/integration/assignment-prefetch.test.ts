import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { assignments, judgements } from "@/db/schema";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { realItemId } from "../fixtures/task-ids";
import { setupCampaign, submission } from "./assignment-setup";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function liveLeases(annotatorId: string): Promise<number> {
  const rows = await database.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.annotatorId, annotatorId), eq(assignments.status, "leased")));
  return rows.length;
}

describe("prefetching the next task", () => {
  it("leases a second item beside the one on screen, and submit then serves exactly that one", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 5, annotators: 1 });
    const annotator = annotators[0] ?? null;
    const caller = callerFor(db, annotator);
    const current = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!current || !annotator) throw new Error("expected a task");

    const prefetched = (await caller.task.claimNext({ campaignId: campaign.id, after: current.assignmentId })).task;
    expect(prefetched?.assignmentId).toBeDefined();
    expect(prefetched?.assignmentId).not.toBe(current.assignmentId);
    expect(await realItemId(db, prefetched ?? current)).not.toBe(await realItemId(db, current));
    // Asking again (a re-render, a second tab) gives the same prefetched lease: never a third.
    const again = (await caller.task.claimNext({ campaignId: campaign.id, after: current.assignmentId })).task;
    expect(again?.assignmentId).toBe(prefetched?.assignmentId);
    expect(await liveLeases(annotator.id)).toBe(2);

    // A reload shows the task the annotator was on, not the prefetched one.
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task?.assignmentId).toBe(current.assignmentId);

    const reply = await caller.task.submit({ ...submission(current), claimNext: true });
    expect(reply.next?.task?.assignmentId).toBe(prefetched?.assignmentId);
    expect(await liveLeases(annotator.id)).toBe(1);
  });

  it("a prefetched task's answer time starts when the screen shows it, not at the prefetch", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 1 });
    const caller = callerFor(db, annotators[0] ?? null);
    const current = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!current) throw new Error("expected a task");
    const [shownAtOnce] = await db.select().from(assignments).where(eq(assignments.id, current.assignmentId));
    expect(shownAtOnce?.shownAt).not.toBeNull();

    const prefetched = (await caller.task.claimNext({ campaignId: campaign.id, after: current.assignmentId })).task;
    if (!prefetched) throw new Error("expected a prefetch");
    // Prefetched an hour ago, while the annotator read the task before it.
    await db
      .update(assignments)
      .set({ leasedAt: sql`now() - interval '1 hour'` })
      .where(eq(assignments.id, prefetched.assignmentId));
    const [waiting] = await db.select().from(assignments).where(eq(assignments.id, prefetched.assignmentId));
    expect(waiting?.shownAt).toBeNull();

    await caller.task.heartbeat({ assignmentId: prefetched.assignmentId, shown: true });
    const { judgementId } = await caller.task.submit(submission(prefetched));
    const [stored] = await db.select().from(judgements).where(eq(judgements.id, judgementId));
    const [lease] = await db.select().from(assignments).where(eq(assignments.id, prefetched.assignmentId));
    expect(stored?.shownAt?.getTime()).toBe(lease?.shownAt?.getTime());
    expect((stored?.submittedAt.getTime() ?? 0) - (stored?.shownAt?.getTime() ?? 0)).toBeLessThan(60_000);
    expect((lease?.shownAt?.getTime() ?? 0) - (lease?.leasedAt.getTime() ?? 0)).toBeGreaterThan(59 * 60_000);
  });

  it("a prefetch never leases past the daily cap", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 5, annotators: 1, input: { daily_cap: 2 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const first = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!first) throw new Error("expected a task");
    const second = (await caller.task.claimNext({ campaignId: campaign.id, after: first.assignmentId })).task;
    if (!second) throw new Error("the second task of the day can be prefetched");
    // Leased by the capped campaign's own pick (not the plain one): still not shown yet.
    const [waiting] = await db.select().from(assignments).where(eq(assignments.id, second.assignmentId));
    expect(waiting?.shownAt).toBeNull();
    await caller.task.submit(submission(first));
    // One submitted and one on screen: a third would pass the cap of two.
    expect(await caller.task.claimNext({ campaignId: campaign.id, after: second.assignmentId })).toEqual({
      task: null,
      reason: "daily_cap",
    });
  });

  it("the last open item is not prefetched away from the task on screen", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1 });
    const caller = callerFor(db, annotators[0] ?? null);
    const only = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!only) throw new Error("expected a task");
    expect((await caller.task.claimNext({ campaignId: campaign.id, after: only.assignmentId })).reason).toBe("done");
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task?.assignmentId).toBe(only.assignmentId);
  });
});
