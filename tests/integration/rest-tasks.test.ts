import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { assignments, judgements } from "@/db/schema";
import { PUT as saveDraft } from "@/app/api/v1/assignments/[id]/draft/route";
import { POST as heartbeat } from "@/app/api/v1/assignments/[id]/heartbeat/route";
import { POST as submit } from "@/pages/api/v1/assignments/[id]/judgement";
import { POST as skip } from "@/app/api/v1/assignments/[id]/skip/route";
import { POST as claimNext } from "@/pages/api/v1/campaigns/[id]/tasks/next";
import { GET as stats } from "@/app/api/v1/campaigns/[id]/stats/route";
import {
  addAnnotator,
  createCampaign,
  createUser,
  importNative,
  pairwiseLines,
} from "../fixtures/factories";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { taskHandle } from "@/server/services/assignment/task-handles";

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

interface TaskJson {
  assignment_id: string;
  expires_at: string;
  item: { id: string; prompt: { role: string; content: string }[] };
  responses: { id: string; content_kind: string; content: string }[];
  draft: unknown;
}

async function setup(items = 2) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const member = await createUser(db, { role: "annotator" });
  const outsider = await createUser(db, { role: "annotator" });
  const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
  await importNative(db, { campaignId: campaign.id, text: pairwiseLines(items) });
  await addAnnotator(db, { campaignId: campaign.id, annotator: member });
  return {
    campaign,
    member,
    adminToken: await tokenFor(db, admin),
    memberToken: await tokenFor(db, member),
    outsiderToken: await tokenFor(db, outsider),
  };
}

async function judgementCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(judgements);
  return row?.n ?? 0;
}

describe("REST v1 task loop", () => {
  it("claims, keeps alive, drafts and submits idempotently, then answers 204", async () => {
    const { campaign, memberToken, adminToken, member } = await setup(1);
    const claimed = await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id });
    expect(claimed.status).toBe(200);
    const task = claimed.json as TaskJson;
    expect(task.item.prompt).toEqual([{ role: "user", content: "Question 1: what is 0 + 0?" }]);
    expect(task.responses).toHaveLength(2);
    expect(task.responses[0]).toEqual({
      id: expect.any(String),
      content_kind: "text",
      content: expect.any(String),
    });
    expect(JSON.stringify(task)).not.toContain("model-x");
    const [row] = await database.db
      .select()
      .from(assignments)
      .where(eq(assignments.id, task.assignment_id));
    // Per-assignment handles of the responses, in the order shown.
    expect(task.responses.map((r) => r.id)).toEqual(row?.displayOrder.map((id) => taskHandle(task.assignment_id, id)));

    // Claiming again returns the same lease (reload-safe).
    const again = await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id });
    expect((again.json as TaskJson).assignment_id).toBe(task.assignment_id);

    const beat = await callRoute(heartbeat, "POST", { token: memberToken, id: task.assignment_id });
    expect(beat.status).toBe(200);
    expect(Date.parse((beat.json as { expires_at: string }).expires_at)).toBeGreaterThan(
      Date.now(),
    );

    const draft = await callRoute(saveDraft, "PUT", {
      token: memberToken,
      id: task.assignment_id,
      json: { draft: { choice: "tie" } },
    });
    expect(draft.status).toBe(204);
    const reloaded = await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id });
    expect((reloaded.json as TaskJson).draft).toEqual({ choice: "tie" });

    const chosen = task.responses[1]?.id ?? "";
    const body = { idempotency_key: `key-${task.assignment_id}`, payload: { choice: chosen } };
    const first = await callRoute(submit, "POST", {
      token: memberToken,
      id: task.assignment_id,
      json: body,
    });
    expect(first.status).toBe(201);
    const retry = await callRoute(submit, "POST", {
      token: memberToken,
      id: task.assignment_id,
      json: body,
    });
    expect(retry.status).toBe(200);
    expect((retry.json as { id: string }).id).toBe((first.json as { id: string }).id);
    const stored = await database.db
      .select()
      .from(judgements)
      .where(eq(judgements.assignmentId, task.assignment_id));
    expect(stored).toHaveLength(1);
    // Stored against the real response id behind the handle the client sent.
    expect(stored[0]?.payload).toEqual({ choice: row?.displayOrder[1] });

    const done = await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id });
    expect(done.status).toBe(204);
    expect(done.headers.get("arbiter-reason")).toBe("done");

    const numbers = await callRoute(stats, "GET", { token: adminToken, id: campaign.id });
    expect(numbers.json).toMatchObject({
      items: 1,
      judgements: 1,
      completed_items: 1,
      annotators: [
        { user_id: member.id, email: member.email, submitted: 1, skipped: 0, in_progress: 0 },
      ],
    });
  });

  it("skips with a reason and never serves the item to the same annotator again", async () => {
    const { campaign, memberToken } = await setup(1);
    const task = (await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id }))
      .json as TaskJson;
    const noReason = await callRoute(skip, "POST", {
      token: memberToken,
      id: task.assignment_id,
      json: {},
    });
    expect(noReason.status).toBe(400);
    const skipped = await callRoute(skip, "POST", {
      token: memberToken,
      id: task.assignment_id,
      json: { reason: "Broken item" },
    });
    expect(skipped.status).toBe(204);
    expect(
      (await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id })).status,
    ).toBe(204);
    const late = await callRoute(heartbeat, "POST", { token: memberToken, id: task.assignment_id });
    expect(late.status).toBe(409);
  });

  it("keeps outsiders, other annotators and anonymous callers out", async () => {
    const { campaign, memberToken, outsiderToken } = await setup(2);
    const before = await judgementCount();
    const outsiderClaim = await callRoute(claimNext, "POST", {
      token: outsiderToken,
      id: campaign.id,
    });
    expect(outsiderClaim.status).toBe(404);
    expect(isErrorShape(outsiderClaim.json)).toBe(true);
    expect((await callRoute(claimNext, "POST", { id: campaign.id })).status).toBe(401);

    const task = (await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id }))
      .json as TaskJson;
    const body = { idempotency_key: crypto.randomUUID(), payload: { choice: "tie" } };
    for (const [handler, method, json] of [
      [heartbeat, "POST", undefined],
      [saveDraft, "PUT", { draft: 1 }],
      [skip, "POST", { reason: "not mine" }],
      [submit, "POST", body],
    ] as const) {
      const response = await callRoute(handler, method, {
        token: outsiderToken,
        id: task.assignment_id,
        json,
      });
      expect(response.status).toBe(404);
      expect((await callRoute(handler, method, { id: task.assignment_id, json })).status).toBe(401);
    }
    expect((await callRoute(heartbeat, "POST", { token: memberToken, id: "nope" })).status).toBe(
      404,
    );
    expect(await judgementCount()).toBe(before);
  });

  it("rejects malformed judgements with 4xx and stores nothing", async () => {
    const { campaign, memberToken } = await setup(1);
    const task = (await callRoute(claimNext, "POST", { token: memberToken, id: campaign.id }))
      .json as TaskJson;
    const before = await judgementCount();
    const cases: [unknown, number][] = [
      [{ idempotency_key: 12345678, payload: { choice: "tie" } }, 400],
      [{ idempotency_key: "k-123456789", payload: "tie" }, 400],
      [{ idempotency_key: "k-123456789", payload: { choice: "tie" }, extra: true }, 400],
      [{ idempotency_key: "k-123456789", payload: { choice: "not-a-response" } }, 400],
      [{ idempotency_key: "k-123456789", payload: { choice: "tie", colour: "red" } }, 400],
      [{ idempotency_key: "k-123456789", payload: { choice: "x".repeat(2 * 1024 * 1024) } }, 413],
    ];
    for (const [json, status] of cases) {
      const response = await callRoute(submit, "POST", {
        token: memberToken,
        id: task.assignment_id,
        json,
      });
      expect(response.status).toBe(status);
      expect(isErrorShape(response.json)).toBe(true);
    }
    const notJson = await callRoute(submit, "POST", {
      token: memberToken,
      id: task.assignment_id,
      body: "choice=tie",
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(415);
    expect(await judgementCount()).toBe(before);
  });
});
