import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as submitRest } from "@/pages/api/v1/assignments/[id]/judgement";
import { POST as nextTaskRest } from "@/pages/api/v1/campaigns/[id]/tasks/next";
import { assignments, judgements, suggestions } from "@/db/schema";
import type { SuggestionMode } from "@/server/domain/suggestion";
import type { Task } from "@/server/services/assignment/task";
import { callerFor } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { campaignItems } from "../fixtures/seed-judgements";
import { seedJudgeJob } from "../fixtures/seed-suggestions";
import { realIds } from "../fixtures/task-ids";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl } from "./export-kit";
import { setupCampaign, submission } from "./assignment-setup";

const API_KEY = "sk-judge-0cc175b9c0f1b6a831c399e269772661";
const BASE_URL = "http://127.0.0.1:9/secret-judge-path/v1";

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

/**
 * A campaign in `mode` whose every item the judge "judge-7" has a consistent verdict on: the
 * first response (source order) is better, in both display orders.
 */
async function suggestedCampaign(mode: SuggestionMode, itemCount = 3) {
  const { db } = database;
  const setup = await setupCampaign(db, { items: itemCount, annotators: 2, input: { suggestion_mode: mode, overlap: 2 } });
  const endpoint = await callerFor(db, setup.admin).model.create({ name: `judge-7-${mode}-${crypto.randomUUID().slice(0, 6)}`, base_url: BASE_URL, model: "judge", api_key: API_KEY });
  const itemList = await campaignItems(db, setup.campaign.id);
  await seedJudgeJob(db, {
    campaignId: setup.campaign.id,
    judge: endpoint.name,
    endpointId: endpoint.id,
    minutesAgo: 5,
    verdicts: itemList.map((item) => {
      const ids = item.responses.map((r) => r.id);
      const first = { choice: ids[0] ?? "", rationale: "Response A is right." };
      return { itemId: item.id, responseIds: ids, choices: [first, first] };
    }),
  });
  return { ...setup, endpoint, items: itemList };
}

/** The task's handle of the response the seeded judge prefers (the item's first response). */
async function suggestedHandle(task: Task): Promise<{ handle: string; other: string; realId: string }> {
  const { itemId, responseIds } = await realIds(database.db, task);
  const items = await campaignItems(database.db, task.campaignId);
  const realId = items.find((i) => i.id === itemId)?.responses[0]?.id ?? "";
  const index = responseIds.indexOf(realId);
  return { handle: task.responses[index]?.id ?? "", other: task.responses[1 - index]?.id ?? "", realId };
}

async function stored(judgementId: string) {
  const [row] = await database.db.select().from(judgements).where(eq(judgements.id, judgementId));
  if (!row) throw new Error("no such judgement");
  return row;
}

describe("suggestion_mode hidden (the default)", () => {
  it("never puts a suggestion in a task or a submit reply, over tRPC or REST, and stores suggestion_shown false", async () => {
    const { db } = database;
    const { campaign, annotators, endpoint } = await suggestedCampaign("hidden");
    expect(campaign.suggestionMode).toBe("hidden");
    const [first, second] = annotators;
    if (!first || !second) throw new Error("no annotators");
    const { task } = await callerFor(db, first).task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("no task");
    expect(task.suggestion).toBeNull();
    expect(JSON.stringify(task)).not.toContain(endpoint.name);
    const reply = await callerFor(db, first).task.submit(submission(task));
    expect(reply).toMatchObject({ suggestion: null, suggestionShown: false, agreedWithSuggestion: null });

    const token = await tokenFor(db, second);
    const next = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ suggestion: null });
    expect(JSON.stringify(next.json)).not.toContain(endpoint.name);
    const restTask = next.json as { assignment_id: string; responses: { id: string }[] };
    const submitted = await callRoute(submitRest, "POST", {
      token,
      id: restTask.assignment_id,
      json: { idempotency_key: crypto.randomUUID(), payload: { choice: restTask.responses[0]?.id } },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.json).toMatchObject({ suggestion: null, suggestion_shown: false, agreed_with_suggestion: null });
    const kept = await db.select({ suggestion: assignments.suggestion }).from(assignments).where(eq(assignments.campaignId, campaign.id));
    expect(kept.map((a) => a.suggestion)).toEqual([null, null]);
  });
});

describe("suggestion_mode before_submit", () => {
  it("shows the judge's name and verdict in the task's own handles, and stores agreement computed by the server", async () => {
    const { db } = database;
    const { campaign, annotators, endpoint, admin } = await suggestedCampaign("before_submit");
    const [first] = annotators;
    if (!first) throw new Error("no annotator");
    const caller = callerFor(db, first);

    // Accepting: the answer names what the suggestion names.
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("no task");
    const { handle, other, realId } = await suggestedHandle(task);
    expect(task.suggestion).toEqual({ judge: endpoint.name, payload: { choice: handle } });
    const shown = JSON.stringify(task);
    for (const secret of [realId, API_KEY, BASE_URL, endpoint.id, "Response A is right."]) expect(shown).not.toContain(secret);
    // A reload gets the same suggestion.
    expect((await caller.task.claimNext({ campaignId: campaign.id })).task?.suggestion).toEqual(task.suggestion);
    const accepted = await caller.task.submit(submission(task, { choice: handle }));
    expect(accepted).toMatchObject({ suggestionShown: true, agreedWithSuggestion: true });
    expect(await stored(accepted.judgementId)).toMatchObject({ suggestionShown: true, agreedWithSuggestion: true });

    // Overriding over REST: the other response.
    const token = await tokenFor(db, first);
    const next = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
    const restTask = next.json as { assignment_id: string; responses: { id: string }[]; suggestion: { judge: string; payload: { choice: string } } };
    const restHandles = await suggestedHandle({ ...task, assignmentId: restTask.assignment_id, responses: restTask.responses } as Task);
    expect(restTask.suggestion).toEqual({ judge: endpoint.name, payload: { choice: restHandles.handle } });
    const overridden = await callRoute(submitRest, "POST", {
      token,
      id: restTask.assignment_id,
      json: { idempotency_key: crypto.randomUUID(), payload: { choice: restHandles.other } },
    });
    expect(overridden.status).toBe(201);
    expect(overridden.json).toMatchObject({ suggestion_shown: true, agreed_with_suggestion: false });

    // A tie is not what a "first is better" suggestion says either.
    const third = (await caller.task.claimNext({ campaignId: campaign.id })).task;
    if (!third) throw new Error("no third task");
    expect((await caller.task.submit(submission(third, { choice: "tie" }))).agreedWithSuggestion).toBe(false);

    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "judgements" } });
    expect(rows.map((r) => [r.suggestion_shown, r.agreed_with_suggestion]).sort()).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    expect(other).not.toBe(handle);
  });

  it("takes no suggestion fields from the client", async () => {
    const { db } = database;
    const { campaign, annotators } = await suggestedCampaign("before_submit", 1);
    const [first] = annotators;
    if (!first) throw new Error("no annotator");
    const token = await tokenFor(db, first);
    const next = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
    const restTask = next.json as { assignment_id: string; responses: { id: string }[] };
    const refused = await callRoute(submitRest, "POST", {
      token,
      id: restTask.assignment_id,
      json: { idempotency_key: crypto.randomUUID(), payload: { choice: "tie" }, agreed_with_suggestion: true, suggestion_shown: false },
    });
    expect(refused.status).toBe(400);
    await expect(
      callerFor(db, first).task.submit({ ...submission({ assignmentId: restTask.assignment_id } as Task, { choice: "tie" }), agreedWithSuggestion: true } as never),
    ).rejects.toThrow();
    expect(await db.select().from(judgements).where(eq(judgements.campaignId, campaign.id))).toEqual([]);
  });

  it("measures an answer against the suggestion its task showed, whatever a later judge says, and keeps revisions coherent", async () => {
    const { db } = database;
    const { campaign, annotators, items, admin } = await suggestedCampaign("before_submit", 1);
    const [first, second] = annotators;
    const [item] = items;
    if (!first || !second || !item) throw new Error("no setup");
    const caller = callerFor(db, first);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("no task");
    const { handle, other } = await suggestedHandle(task);
    // A newer judge prefers the second response once the task is already on screen.
    const ids = item.responses.map((r) => r.id);
    await seedJudgeJob(db, { campaignId: campaign.id, judge: "judge-8", verdicts: [{ itemId: item.id, responseIds: ids, choices: [{ choice: ids[1] ?? "" }, { choice: ids[1] ?? "" }] }] });
    const accepted = await caller.task.submit(submission(task, { choice: handle }));
    expect(accepted).toMatchObject({ suggestionShown: true, agreedWithSuggestion: true });
    expect(accepted.suggestion).toMatchObject({ payload: { choice: handle }, agreed: true });
    // A task handed out from now on shows the newer judge's verdict.
    const later = (await callerFor(db, second).task.claimNext({ campaignId: campaign.id })).task;
    if (!later) throw new Error("no task for the second annotator");
    expect(later.suggestion).toEqual({ judge: "judge-8", payload: { choice: (await suggestedHandle(later)).other } });

    const revised = await caller.task.revise({ judgementId: accepted.judgementId, idempotencyKey: crypto.randomUUID(), payload: { choice: other } });
    expect(await stored(revised.judgementId)).toMatchObject({ suggestionShown: true, agreedWithSuggestion: false, revisionOf: accepted.judgementId });
    const again = await caller.task.revise({ judgementId: revised.judgementId, idempotencyKey: crypto.randomUUID(), payload: { choice: handle } });
    expect(await stored(again.judgementId)).toMatchObject({ suggestionShown: true, agreedWithSuggestion: true });
    // The export reads the live row only.
    const rows = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "judgements" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: again.judgementId, suggestion_shown: true, agreed_with_suggestion: true });
  });

  it("shows nothing for an item whose newest judge flipped with the order or has one order missing", async () => {
    const { db } = database;
    const { campaign, annotators, items } = await suggestedCampaign("before_submit", 2);
    const [first] = annotators;
    const [flipped, half] = items;
    if (!first || !flipped || !half) throw new Error("no setup");
    const idsOf = (item: typeof flipped) => item.responses.map((r) => r.id);
    // The newest job flips on one item and judged the other in one order only.
    const job = await seedJudgeJob(db, {
      campaignId: campaign.id,
      judge: "judge-9",
      verdicts: [{ itemId: flipped.id, responseIds: idsOf(flipped), choices: [{ choice: idsOf(flipped)[0] ?? "" }, { choice: idsOf(flipped)[1] ?? "" }] }],
    });
    await db.insert(suggestions).values({ campaignId: campaign.id, itemId: half.id, jobId: job, judge: "judge-9", orderIndex: 1, displayOrder: idsOf(half), payload: { choice: idsOf(half)[0] ?? "" } });
    const caller = callerFor(db, first);
    for (let n = 0; n < 2; n++) {
      const { task } = await caller.task.claimNext({ campaignId: campaign.id });
      if (!task) throw new Error("no task");
      expect(task.suggestion).toBeNull();
      const reply = await caller.task.submit(submission(task));
      expect(reply).toMatchObject({ suggestion: null, suggestionShown: false, agreedWithSuggestion: null });
    }
  });
});

describe("suggestion_mode after_submit", () => {
  it("keeps the suggestion out of the task and reveals it, with the agreement, only in the submit reply", async () => {
    const { db } = database;
    const { campaign, annotators, endpoint } = await suggestedCampaign("after_submit", 2);
    const [first] = annotators;
    if (!first) throw new Error("no annotator");
    const caller = callerFor(db, first);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("no task");
    expect(task.suggestion).toBeNull();
    expect(JSON.stringify(task)).not.toContain(endpoint.name);
    const { handle, other } = await suggestedHandle(task);
    const reply = await caller.task.submit(submission(task, { choice: other }));
    expect(reply).toMatchObject({
      suggestion: { judge: endpoint.name, payload: { choice: handle }, agreed: false },
      // Not shown before the answer: nothing to agree with.
      suggestionShown: false,
      agreedWithSuggestion: null,
    });

    const token = await tokenFor(db, first);
    const next = await callRoute(nextTaskRest, "POST", { token, id: campaign.id });
    expect(next.json).toMatchObject({ suggestion: null });
    const restTask = next.json as { assignment_id: string; responses: { id: string }[] };
    const restHandles = await suggestedHandle({ ...task, assignmentId: restTask.assignment_id, responses: restTask.responses } as Task);
    const submitted = await callRoute(submitRest, "POST", {
      token,
      id: restTask.assignment_id,
      json: { idempotency_key: crypto.randomUUID(), payload: { choice: restHandles.handle } },
    });
    expect(submitted.json).toMatchObject({
      suggestion: { judge: endpoint.name, payload: { choice: restHandles.handle }, agreed: true },
      suggestion_shown: false,
      agreed_with_suggestion: null,
    });
  });
});
