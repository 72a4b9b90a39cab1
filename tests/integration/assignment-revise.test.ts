import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { assignments, judgements } from "@/db/schema";
import type { Task } from "@/server/services/assignment/task";
import { streamExport } from "@/server/services/exports/stream-export";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { itemRow, pick, setupCampaign, submission } from "./assignment-setup";
import { realItemId } from "../fixtures/task-ids";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Caller = ReturnType<typeof callerFor>;

async function claim(caller: Caller, campaignId: string): Promise<Task> {
  const { task } = await caller.task.claimNext({ campaignId });
  if (!task) throw new Error("expected a task");
  return task;
}

async function exportRows(campaignId: string, actorId: string) {
  const stream = await streamExport(database.db, { campaignId, format: "trl", actorId });
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream.body) text += decoder.decode(chunk, { stream: true });
  return (text + decoder.decode())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { chosen: unknown });
}

describe("fixing the last answer", () => {
  it("stores a revision that supersedes the answer; the export sees only the revision", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1, input: { overlap: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const task = await claim(caller, campaign.id);
    const first = await caller.task.submit(submission(task, pick(task, 0)));
    const content = (i: number) => task.responses[i]?.content;
    expect((await exportRows(campaign.id, admin.id)).map((r) => r.chosen)).toEqual([content(0)]);

    const edit = { judgementId: first.judgementId, idempotencyKey: randomUUID(), payload: pick(task, 1) };
    const revised = await caller.task.revise(edit);
    expect(revised).toMatchObject({ revisionOf: first.judgementId, created: true });
    expect(await caller.task.revise(edit)).toEqual({ ...revised, created: false });
    expect((await exportRows(campaign.id, admin.id)).map((r) => r.chosen)).toEqual([content(1)]);

    // Append-only: both rows kept, one assignment, the item's count unchanged.
    const rows = await db.select().from(judgements).where(eq(judgements.itemId, await realItemId(db, task)));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.assignmentId))).toEqual(new Set([task.assignmentId]));
    expect(await itemRow(db, await realItemId(db, task))).toMatchObject({ judgementCount: 1 });

    // A second fix builds on the revision, not on the superseded answer.
    await expect(
      caller.task.revise({ ...edit, idempotencyKey: randomUUID(), payload: { choice: "tie" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const again = await caller.task.revise({
      judgementId: revised.judgementId,
      idempotencyKey: randomUUID(),
      payload: { choice: "tie" },
    });
    expect(again.revisionOf).toBe(revised.judgementId);
    expect(await exportRows(campaign.id, admin.id)).toEqual([]);
  });

  it("re-validates the payload and allows any of the annotator's own answers within the window", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 2, input: { overlap: 2 } });
    const [mine, theirs] = annotators.map((a) => callerFor(db, a));
    if (!mine || !theirs) throw new Error("two annotators");
    const older = await mine.task.submit(submission(await claim(mine, campaign.id)));
    const latestTask = await claim(mine, campaign.id);
    const latest = await mine.task.submit(submission(latestTask));
    const fix = (judgementId: string, payload: Record<string, unknown> = { choice: "tie" }) => ({
      judgementId,
      idempotencyKey: randomUUID(),
      payload,
    });

    // Not only the latest: an older answer of the same annotator can still be fixed.
    const olderFix = await mine.task.revise(fix(older.judgementId));
    expect(olderFix.revisionOf).toBe(older.judgementId);
    await expect(theirs.task.revise(fix(latest.judgementId))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mine.task.revise(fix(latest.judgementId, { choice: randomUUID() }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(mine.task.revise(fix(latest.judgementId, { choice: "tie", extra: 1 }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await db
      .update(assignments)
      .set({ completedAt: sql`now() - interval '25 hours'` })
      .where(eq(assignments.id, latestTask.assignmentId));
    await expect(mine.task.revise(fix(latest.judgementId))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/24 hours/) as unknown,
    });
    const stored = await db.select().from(judgements).where(eq(judgements.campaignId, campaign.id));
    expect(stored).toHaveLength(3);
  });

  it("lists the annotator's own revisable answers from the server, newest first, with progress counts", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 2, input: { overlap: 2, daily_cap: 10 } });
    const [mine, theirs] = annotators.map((a) => callerFor(db, a));
    if (!mine || !theirs) throw new Error("two annotators");
    const firstTask = await claim(mine, campaign.id);
    const first = await mine.task.submit(submission(firstTask));
    const secondTask = await claim(mine, campaign.id);
    const second = await mine.task.submit(submission(secondTask));
    await theirs.task.submit(submission(await claim(theirs, campaign.id)));

    const recent = await mine.task.recent({ campaignId: campaign.id });
    expect(recent.map((r) => r.judgementId)).toEqual([second.judgementId, first.judgementId]);
    // Reopened as it was shown: the same handles, and the stored answer in those handles.
    expect(recent[1]?.task.responses.map((r) => r.id)).toEqual(firstTask.responses.map((r) => r.id));
    expect(recent[1]?.task.item.id).toBe(firstTask.item.id);
    expect(recent[1]?.payload).toEqual(submission(firstTask).payload);
    expect(await mine.task.progress({ campaignId: campaign.id })).toEqual({
      campaignName: campaign.name,
      doneToday: 2,
      dailyCap: 10,
      left: 1,
    });

    // A revision replaces the answer in the list; answers past the window drop out.
    const fixed = await mine.task.revise({ judgementId: first.judgementId, idempotencyKey: randomUUID(), payload: { choice: "tie" } });
    await db
      .update(assignments)
      .set({ completedAt: sql`now() - interval '25 hours'` })
      .where(eq(assignments.id, secondTask.assignmentId));
    const after = await mine.task.recent({ campaignId: campaign.id });
    expect(after.map((r) => [r.judgementId, r.payload])).toEqual([[fixed.judgementId, { choice: "tie" }]]);
  });
});
