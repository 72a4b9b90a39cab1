import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as submitRest } from "@/pages/api/v1/assignments/[id]/judgement";
import { GET as getCampaign, PATCH as patchCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { POST as nextTaskRest } from "@/pages/api/v1/campaigns/[id]/tasks/next";
import { describeExpected } from "@/app/(annotate)/campaigns/[id]/gold-feedback-text";
import type { Task } from "@/server/services/assignment/task";
import { defaultTemplate } from "@/server/services/campaigns/template-config";
import { callerFor } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { realIds } from "../fixtures/task-ids";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { itemRow, setupCampaign, submission } from "./assignment-setup";

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

const PASSAGE = "Prefer the *factually correct* answer (guidelines §2).";

/** Gold items whose right answer is response "right" and whose passage is PASSAGE. */
function goldLines(count: number, withPassage = true): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `gold-${i + 1}`,
      prompt: `Capital question ${i + 1}`,
      responses: [
        { id: "wrong", content: `Paris is in Italy (${i}).` },
        { id: "right", content: `Paris is in France (${i}).` },
      ],
      gold: { choice: "right" },
      ...(withPassage ? { gold_explanation: PASSAGE } : {}),
    }),
  ).join("\n");
}

/** The task's handle of the response whose content says "France", and of the other one. */
function handles(task: Task): { right: string; wrong: string } {
  const right = task.responses.find((r) => r.content.includes("France"));
  const wrong = task.responses.find((r) => r.content.includes("Italy"));
  if (!right || !wrong) throw new Error("not a gold task of this test");
  return { right: right.id, wrong: wrong.id };
}

async function isGoldTask(task: Task): Promise<boolean> {
  return (await itemRow(database.db, (await realIds(database.db, task)).itemId)).kind === "gold";
}

describe("gold feedback for annotators", () => {
  it("is off by default: submitting a gold item answers with no feedback", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, { items: 1, annotators: 1, lines: goldLines(2) });
    const [annotator] = annotators;
    if (!annotator) throw new Error("no annotator");
    expect(campaign.goldFeedback).toBe(false);
    const caller = callerFor(db, annotator);
    const token = await tokenFor(db, annotator);
    let gold = 0;
    for (;;) {
      const task = (await caller.task.claimNext({ campaignId: campaign.id })).task;
      if (!task) break;
      if (!(await isGoldTask(task))) {
        expect((await caller.task.submit(submission(task))).goldFeedback).toBeNull();
        continue;
      }
      gold++;
      // One gold answer over tRPC, the other over REST.
      if (gold === 1) {
        expect((await caller.task.submit(submission(task, { choice: handles(task).right }))).goldFeedback).toBeNull();
        continue;
      }
      const rest = await callRoute(submitRest, "POST", {
        token,
        id: task.assignmentId,
        json: { idempotency_key: `rest-${task.assignmentId}`, payload: { choice: handles(task).right } },
      });
      expect(rest.status).toBe(201);
      expect(rest.json).toMatchObject({ gold_feedback: null });
    }
    expect(gold).toBe(2);
  });

  it("when on, follows gold items only, with the expected answer in the task's own ids", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupCampaign(db, {
      items: 3,
      annotators: 1,
      lines: goldLines(2),
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("no annotator");
    const adminToken = await tokenFor(db, admin);
    const patched = await callRoute(patchCampaign, "PATCH", { token: adminToken, id: campaign.id, json: { gold_feedback: true } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ gold_feedback: true });
    // The setting is the admins' to see, like the gold rate.
    const seen = await callRoute(getCampaign, "GET", { token: await tokenFor(db, annotator), id: campaign.id });
    expect(seen.json).not.toHaveProperty("gold_feedback");

    const caller = callerFor(db, annotator);
    const token = await tokenFor(db, annotator);
    const feedback: { agreed: boolean | null; expected: unknown; explanation: string | null; right: string }[] = [];
    let regular = 0;
    for (;;) {
      const res = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
      if (res.status === 204) break;
      const task = (await caller.task.claimNext({ campaignId: campaign.id })).task;
      if (!task) throw new Error("REST had a task, tRPC none");
      if (!(await isGoldTask(task))) {
        regular++;
        const reply = await callRoute(submitRest, "POST", {
          token,
          id: task.assignmentId,
          json: { idempotency_key: `r-${task.assignmentId}`, payload: { choice: task.responses[0]?.id } },
        });
        expect(reply.json).toMatchObject({ gold_feedback: null });
        continue;
      }
      const { right, wrong } = handles(task);
      // First gold item answered right over tRPC, the second wrongly over REST.
      if (feedback.length === 0) {
        const reply = await caller.task.submit(submission(task, { choice: right }));
        if (!reply.goldFeedback) throw new Error("no feedback after a gold item");
        feedback.push({ ...reply.goldFeedback, right });
      } else {
        const reply = await callRoute(submitRest, "POST", {
          token,
          id: task.assignmentId,
          json: { idempotency_key: `g-${task.assignmentId}`, payload: { choice: wrong } },
        });
        expect(reply.status).toBe(201);
        const body = reply.json as { gold_feedback: Omit<(typeof feedback)[number], "right"> };
        feedback.push({ ...body.gold_feedback, right });
      }
    }
    expect(regular).toBe(3);
    expect(feedback).toEqual([
      { expected: { choice: feedback[0]?.right }, explanation: PASSAGE, agreed: true, right: feedback[0]?.right },
      { expected: { choice: feedback[1]?.right }, explanation: PASSAGE, agreed: false, right: feedback[1]?.right },
    ]);
  });

  it("a retried submit repeats the feedback, and the checked answer can no longer be changed", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, {
      items: 0,
      annotators: 1,
      lines: goldLines(1, false),
      input: { gold_feedback: true },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("no annotator");
    const caller = callerFor(db, annotator);
    const task = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!task) throw new Error("no task");
    const sent = submission(task, { choice: "tie" });
    const first = await caller.task.submit(sent);
    const again = await caller.task.submit(sent);
    expect(again.created).toBe(false);
    expect(again.goldFeedback).toEqual(first.goldFeedback);
    expect(first.goldFeedback).toEqual({ expected: { choice: handles(task).right }, explanation: null, agreed: false });
    await expect(
      caller.task.revise({ judgementId: first.judgementId, idempotencyKey: "revise-gold-1", payload: { choice: handles(task).right } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expected answer") });
  });

  it("gives a ranking's expected order, which the screen names by the labels it showed", async () => {
    const { db } = database;
    const line = JSON.stringify({
      id: "rank-gold",
      prompt: "Order the capitals by size",
      responses: [
        { id: "paris", content: "Paris" },
        { id: "lyon", content: "Lyon" },
        { id: "nice", content: "Nice" },
      ],
      gold: { ranking: [["paris"], ["lyon", "nice"]] },
      gold_explanation: PASSAGE,
    });
    const { campaign, annotators } = await setupCampaign(db, {
      items: 0,
      annotators: 1,
      lines: line,
      input: { template: defaultTemplate("ranking"), gold_feedback: true },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("no annotator");
    const caller = callerFor(db, annotator);
    const task = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!task) throw new Error("no task");
    const ids = task.responses.map((r) => r.id);
    const id = (content: string) => task.responses.find((r) => r.content === content)?.id ?? "";
    const place = (content: string) => `Response ${ids.indexOf(id(content)) + 1}`;
    const reply = await caller.task.submit(submission(task, { ranking: [[id("Paris")], [id("Lyon")], [id("Nice")]] }));
    expect(reply.goldFeedback).toEqual({
      expected: { ranking: [[id("Paris")], [id("Lyon"), id("Nice")]] },
      explanation: PASSAGE,
      agreed: false,
    });
    expect(describeExpected(reply.goldFeedback?.expected ?? null, task.template, ids)).toEqual([
      `1. ${place("Paris")}`,
      `2. ${place("Lyon")} = ${place("Nice")} (tied)`,
    ]);
  });

  it("never shows the gold answer or its passage with the task, before the submit", async () => {
    const { db } = database;
    const { campaign, annotators } = await setupCampaign(db, {
      items: 0,
      annotators: 1,
      lines: goldLines(1),
      input: { gold_feedback: true },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("no annotator");
    const token = await tokenFor(db, annotator);
    const rest = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
    const claimed = await callerFor(db, annotator).task.claimNext({ campaignId: campaign.id });
    const drafted = await callerFor(db, annotator).task.claimNext({ campaignId: campaign.id });
    for (const payload of [rest.json, claimed, drafted]) {
      const text = JSON.stringify(payload);
      expect(text).toContain("Capital question 1");
      expect(text).not.toContain(PASSAGE);
      expect(text).not.toMatch(/gold|expected|"right"|explanation|kind":"(regular|gold)/i);
    }
  });
});
