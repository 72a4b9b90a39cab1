import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, judgements, users } from "@/db/schema";
import type { Task } from "@/server/services/assignment/task";
import { removeMember } from "@/server/services/campaigns/remove-member";
import type { SessionUser } from "@/server/services/users/session-user";
import { callerFor } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { pick, setupCampaign, submission } from "./assignment-setup";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Scenario = (db: Db, ids: { campaignId: string; annotator: SessionUser }) => Promise<unknown>;

const memberRow = (campaignId: string, userId: string) =>
  and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, userId));

/** Each way an annotator can lose the right to work, and the code their actions must get. */
const scenarios: [string, Scenario, "NOT_FOUND" | "FORBIDDEN"][] = [
  ["a removed member", (db, s) => removeMember(db, { campaignId: s.campaignId, userId: s.annotator.id, actorId: null }), "NOT_FOUND"],
  ["a paused member", (db, s) => db.update(campaignMembers).set({ status: "paused" }).where(memberRow(s.campaignId, s.annotator.id)), "FORBIDDEN"],
  ["a paused campaign", (db, s) => db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, s.campaignId)), "FORBIDDEN"],
  ["an archived campaign", (db, s) => db.update(campaigns).set({ status: "archived" }).where(eq(campaigns.id, s.campaignId)), "FORBIDDEN"],
  ["a disabled account", (db, s) => db.update(users).set({ disabled: true }).where(eq(users.id, s.annotator.id)), "FORBIDDEN"],
];

describe("assignment actions re-check the right to work", () => {
  it.each(scenarios)("%s can no longer submit, revise, heartbeat, save a draft or skip; nothing is stored", async (_name, apply, code) => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 1 });
    const annotator = annotators[0] as SessionUser;
    const caller = callerFor(db, annotator);
    const claim = async (): Promise<Task> => {
      const { task } = await caller.task.claimNext({ campaignId: campaign.id });
      if (!task) throw new Error("expected a task");
      return task;
    };
    const done = await claim();
    const { judgementId } = await caller.task.submit(submission(done));
    const held = await claim();

    await apply(db, { campaignId: campaign.id, annotator });

    const refused = { code };
    await expect(caller.task.submit(submission(held))).rejects.toMatchObject(refused);
    await expect(
      caller.task.revise({ judgementId, idempotencyKey: randomUUID(), payload: pick(done, 1) }),
    ).rejects.toMatchObject(refused);
    await expect(caller.task.heartbeat({ assignmentId: held.assignmentId })).rejects.toMatchObject(refused);
    await expect(caller.task.saveDraft({ assignmentId: held.assignmentId, draft: { choice: "x" } })).rejects.toMatchObject(refused);
    await expect(caller.task.skip({ assignmentId: held.assignmentId, reason: "unclear" })).rejects.toMatchObject(refused);

    const stored = await db.select({ id: judgements.id }).from(judgements).where(eq(judgements.campaignId, campaign.id));
    expect(stored.map((j) => j.id)).toEqual([judgementId]);
    const [lease] = await db.select().from(assignments).where(eq(assignments.id, held.assignmentId));
    expect(lease?.draft ?? null).toBeNull();
    expect(lease?.status).not.toBe("submitted");
    expect(lease?.status).not.toBe("skipped");
  });

  it("an active member of an active campaign still does all of it", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 3, annotators: 1 });
    const caller = callerFor(db, annotators[0] ?? null);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("expected a task");
    await caller.task.heartbeat({ assignmentId: task.assignmentId });
    await caller.task.saveDraft({ assignmentId: task.assignmentId, draft: { choice: "x" } });
    const { judgementId } = await caller.task.submit(submission(task));
    const revised = await caller.task.revise({ judgementId, idempotencyKey: randomUUID(), payload: pick(task, 1) });
    expect(revised.created).toBe(true);
  });
});
