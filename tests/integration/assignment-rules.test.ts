import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { assignments, campaignMembers, campaigns, items, judgements, responses, users } from "@/db/schema";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import type { Task } from "@/server/services/assignment/task";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { goldLines, itemRow, setupCampaign, submission } from "./assignment-setup";
import { realIds, realItemId } from "../fixtures/task-ids";
import { taskHandle } from "@/server/services/assignment/task-handles";

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

async function kindOf(itemId: string) {
  return (await itemRow(database.db, itemId)).kind;
}

describe("who gets work", () => {
  it("stops at the daily cap", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 5, annotators: 1, input: { daily_cap: 2 } });
    const caller = callerFor(db, annotators[0] ?? null);
    for (let i = 0; i < 2; i++) await caller.task.submit(submission(await claim(caller, campaign.id)));
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toEqual({ task: null, reason: "daily_cap" });
  });

  it("serves nothing in a paused campaign or to a paused member, and again once resumed", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 2, annotators: 1 });
    const annotator = annotators[0];
    if (!annotator) throw new Error("one annotator");
    const caller = callerFor(db, annotator);
    await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, campaign.id));
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toEqual({ task: null, reason: "paused" });
    await db.update(campaigns).set({ status: "active" }).where(eq(campaigns.id, campaign.id));

    const member = and(eq(campaignMembers.campaignId, campaign.id), eq(campaignMembers.userId, annotator.id));
    await db.update(campaignMembers).set({ status: "paused" }).where(member);
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toEqual({ task: null, reason: "member_paused" });
    await db.update(campaignMembers).set({ status: "active" }).where(member);
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task).not.toBeNull();
  });

  it("refuses a disabled account even when a caller skips the session check", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1 });
    const annotator = annotators[0];
    if (!annotator) throw new Error("one annotator");
    await db.update(users).set({ disabled: true }).where(eq(users.id, annotator.id));
    await expect(claimNextTask(db, { campaignId: campaign.id, user: annotator })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("at gold rate 1 serves every gold item first, at gold rate 0 only once nothing else is left", async () => {
    const { db } = database;
    for (const rate of [1, 0]) {
      const { campaign, annotators } = await setupCampaign(db, {
        items: 4,
        annotators: 1,
        input: { overlap: 1, gold_rate: rate },
        lines: goldLines(2),
      });
      const caller = callerFor(db, annotators[0] ?? null);
      const kinds: string[] = [];
      for (let i = 0; i < 6; i++) {
        const task = await claim(caller, campaign.id);
        kinds.push(await kindOf(await realItemId(db, task)));
        await caller.task.submit(submission(task));
      }
      const gold = ["gold", "gold"];
      const regular = ["regular", "regular", "regular", "regular"];
      expect(kinds).toEqual(rate === 1 ? [...gold, ...regular] : [...regular, ...gold]);
    }
  });
});

describe("consistency probes", () => {
  it("re-serve a judged item with the sides swapped, later, without touching its count or slots", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 2, annotators: 2, input: { overlap: 1, probe_rate: 1 } });
    const [prober, other] = annotators.map((a) => callerFor(db, a));
    if (!prober || !other) throw new Error("two annotators");

    const first = await claim(prober, campaign.id);
    await prober.task.submit(submission(first));
    // Never the task just finished: the next one is new work.
    const second = await claim(prober, campaign.id);
    expect(await realItemId(db, second)).not.toBe(await realItemId(db, first));
    await prober.task.submit(submission(second));

    const probe = await claim(prober, campaign.id);
    expect(await realItemId(db, probe)).toBe(await realItemId(db, first));
    expect((await realIds(db, probe)).responseIds).toEqual((await realIds(db, first)).responseIds.reverse());
    const [row] = await db.select().from(assignments).where(eq(assignments.id, probe.assignmentId));
    expect(row?.purpose).toBe("probe");
    expect(await itemRow(db, await realItemId(db, first))).toMatchObject({ judgementCount: 1, openSlots: 0 });

    const answer = await prober.task.submit(submission(probe, { choice: "tie" }));
    expect(answer.created).toBe(true);
    expect(await itemRow(db, await realItemId(db, first))).toMatchObject({ judgementCount: 1, openSlots: 0 });
    // Both items probed once, both full: nothing is left for anyone.
    const last = await claim(prober, campaign.id);
    expect(await realItemId(db, last)).toBe(await realItemId(db, second));
    await prober.task.skip({ assignmentId: last.assignmentId, reason: "probe skipped" });
    expect(await itemRow(db, await realItemId(db, second))).toMatchObject({ judgementCount: 1, openSlots: 0 });
    expect((await prober.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");
    expect((await other.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");
  });

  it("an expired probe gives back no slot it never held", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 2, annotators: 1, input: { overlap: 2, probe_rate: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    for (let i = 0; i < 2; i++) await caller.task.submit(submission(await claim(caller, campaign.id)));
    const probe = await claim(caller, campaign.id);
    const before = await itemRow(db, await realItemId(db, probe));
    await db.update(assignments).set({ expiresAt: new Date(0) }).where(eq(assignments.id, probe.assignmentId));
    await caller.task.claimNext({ campaignId: campaign.id });
    const [expired] = await db.select().from(assignments).where(eq(assignments.id, probe.assignmentId));
    expect(expired?.status).toBe("expired");
    expect(await itemRow(db, await realItemId(db, probe))).toMatchObject({ openSlots: before.openSlots });
    const open = await db.select({ n: items.openSlots }).from(items).where(eq(items.campaignId, campaign.id));
    expect(open.map((r) => r.n)).toEqual([1, 1]);
  });
});

describe("what the annotator is shown", () => {
  it("shows each item's responses in an order drawn per lease, and stores the order shown", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 30, annotators: 1, input: { overlap: 1 } });
    const caller = callerFor(db, annotators[0] ?? null);
    const firstShownFirst: boolean[] = [];
    for (let i = 0; i < 30; i++) {
      const task = await claim(caller, campaign.id);
      // The screen shows handles; the lease stores the real ids in the order shown.
      const { itemId, responseIds: shown } = await realIds(db, task);
      const stored = await db.select().from(responses).where(eq(responses.itemId, itemId)).orderBy(responses.position);
      expect([...shown].sort()).toEqual(stored.map((r) => r.id).sort());
      expect(task.responses.map((r) => r.id)).toEqual(shown.map((id) => taskHandle(task.assignmentId, id)));
      firstShownFirst.push(shown[0] === stored[0]?.id);
      await caller.task.submit(submission(task));
    }
    // 30 fair coin flips all landing alike has a chance of 2 in 2^30.
    expect(new Set(firstShownFirst).size).toBe(2);
  });
});

describe("what a submit stores", () => {
  it("returns the judgement exactly as stored, counted and its assignment closed", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 2, annotators: 1, input: { overlap: 1 } });
    const annotator = annotators[0];
    if (!annotator) throw new Error("no annotator");
    const task = await claim(callerFor(db, annotator), campaign.id);
    const { judgement, created } = await submitJudgement(db, {
      input: { ...submission(task), activeMs: 1234 },
      user: annotator,
    });
    expect(created).toBe(true);
    const [stored] = await db.select().from(judgements).where(eq(judgements.id, judgement.id));
    expect(judgement).toEqual(stored);
    expect(judgement.submittedAt).toBeInstanceOf(Date);
    expect(judgement).toMatchObject({ activeMs: 1234, assignmentId: task.assignmentId, annotatorId: annotator.id, revisionOf: null });
    const [assignment] = await db.select().from(assignments).where(eq(assignments.id, task.assignmentId));
    expect(assignment?.status).toBe("submitted");
    expect((await itemRow(db, judgement.itemId)).judgementCount).toBe(1);
  });
});
