import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as annotatorsRest } from "@/app/api/v1/campaigns/[id]/annotators/route";
import { GET as getCampaign, PATCH as patchCampaign } from "@/app/api/v1/campaigns/[id]/route";
import { POST as postCampaign } from "@/app/api/v1/campaigns/route";
import { assignments } from "@/db/schema";
import { DEFAULT_SUGGESTION_MODE } from "@/server/domain/suggestion";
import { QUALITY_THRESHOLDS } from "@/server/services/quality/quality-thresholds";
import type { SessionUser } from "@/server/services/users/session-user";
import { callerFor, createUser } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { campaignItems } from "../fixtures/seed-judgements";
import { seedJudgeJob } from "../fixtures/seed-suggestions";
import { realIds } from "../fixtures/task-ids";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { setupCampaign, submission } from "./assignment-setup";

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

describe("the suggestion_mode setting", () => {
  it("defaults to hidden and is set on create and edit over REST and tRPC, refusing unknown modes", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const plain = await callRoute(postCampaign, "POST", { token, json: { name: "Plain" } });
    expect(plain.status).toBe(201);
    expect(plain.json).toMatchObject({ suggestion_mode: DEFAULT_SUGGESTION_MODE });
    expect(DEFAULT_SUGGESTION_MODE).toBe("hidden");

    const created = await callRoute(postCampaign, "POST", { token, json: { name: "Hinted", suggestion_mode: "before_submit" } });
    expect(created.json).toMatchObject({ suggestion_mode: "before_submit" });
    const id = (created.json as { id: string }).id;
    const patched = await callRoute(patchCampaign, "PATCH", { token, id, json: { suggestion_mode: "after_submit" } });
    expect(patched.status).toBe(200);
    expect((await callRoute(getCampaign, "GET", { token, id })).json).toMatchObject({ suggestion_mode: "after_submit" });
    const refused = await callRoute(patchCampaign, "PATCH", { token, id, json: { suggestion_mode: "always" } });
    expect(refused.status).toBe(400);

    const updated = await callerFor(db, admin).campaign.update({ campaignId: id, input: { suggestion_mode: "hidden" } });
    expect(updated.suggestionMode).toBe("hidden");
    const copy = await callerFor(db, admin).campaign.duplicate({ campaignId: id });
    expect(copy.suggestionMode).toBe("hidden");
  });
});

describe("rubber-stamping in the annotator table", () => {
  it("counts suggestions shown, agreement and fast acceptances per annotator, and flags the frequent rubber stamper", async () => {
    const { db } = database;
    const count = QUALITY_THRESHOLDS.minSuggestionsShown + 2;
    const { campaign, annotators, admin } = await setupCampaign(db, { items: count, annotators: 2, input: { suggestion_mode: "before_submit", overlap: 2 } });
    const [stamper, reader] = annotators as [SessionUser, SessionUser];
    const itemList = await campaignItems(db, campaign.id);
    await seedJudgeJob(db, {
      campaignId: campaign.id,
      judge: "judge-q",
      verdicts: itemList.map((item) => {
        const ids = item.responses.map((r) => r.id);
        return { itemId: item.id, responseIds: ids, choices: [{ choice: ids[0] ?? "" }, { choice: ids[0] ?? "" }] };
      }),
    });

    /** Answers every task; `readSeconds(n)` is how long the n-th task was on screen, `accept(n)` whether the suggestion is taken. */
    async function work(user: SessionUser, readSeconds: (n: number) => number, accept: (n: number) => boolean) {
      const caller = callerFor(db, user);
      for (let n = 0; ; n++) {
        const { task } = await caller.task.claimNext({ campaignId: campaign.id });
        if (!task) return n;
        const suggested = task.suggestion?.payload.choice;
        if (typeof suggested !== "string") throw new Error("every task has a suggestion here");
        const seconds = readSeconds(n);
        if (seconds > 0) {
          // As if the task had been on screen that long: it was handed out and shown earlier.
          await db
            .update(assignments)
            .set({ leasedAt: sql`now() - make_interval(secs => ${seconds})`, shownAt: sql`now() - make_interval(secs => ${seconds})` })
            .where(eq(assignments.id, task.assignmentId));
        }
        const other = task.responses.find((r) => r.id !== suggested)?.id ?? "";
        const reply = await caller.task.submit(submission(task, { choice: accept(n) ? suggested : other }));
        expect(reply.agreedWithSuggestion).toBe(accept(n));
        expect((await realIds(db, task)).responseIds).not.toContain(suggested);
      }
    }
    // The stamper takes every suggestion at once; the reader reads for 30 s, except twice.
    expect(await work(stamper, () => 0, () => true)).toBe(count);
    expect(await work(reader, (n) => (n < 2 ? 0 : 30), (n) => n < 2 || n % 3 !== 0)).toBe(count);

    const rows = await callerFor(db, admin).quality.annotators({ campaignId: campaign.id });
    const byId = new Map(rows.map((r) => [r.annotator.id, r]));
    expect(byId.get(stamper.id)?.suggestions).toEqual({ shown: count, agreement: 1, rubberStamps: count });
    expect(byId.get(stamper.id)?.flags).toContain("rubber_stamping");
    const readerAgreed = Array.from({ length: count }, (_, n) => n < 2 || n % 3 !== 0).filter(Boolean).length;
    expect(byId.get(reader.id)?.suggestions).toEqual({ shown: count, agreement: readerAgreed / count, rubberStamps: 2 });
    // 2 of 12 is under the share that makes rubber-stamping frequent.
    expect(2 / count).toBeLessThan(QUALITY_THRESHOLDS.rubberStampShare);
    expect(byId.get(reader.id)?.flags).not.toContain("rubber_stamping");

    const rest = await callRoute(annotatorsRest, "GET", { token: await tokenFor(db, admin), id: campaign.id });
    expect(rest.status).toBe(200);
    const restRows = rest.json as { annotator: { id: string }; suggestions: unknown; flags: string[] }[];
    const restStamper = restRows.find((r) => r.annotator.id === stamper.id);
    expect(restStamper).toMatchObject({ suggestions: { shown: count, agreement: 1, rubber_stamps: count } });
    expect(restStamper?.flags).toContain("rubber_stamping");
    expect(restRows.find((r) => r.annotator.id === reader.id)).toMatchObject({
      suggestions: { shown: count, rubber_stamps: 2 },
    });
  });
});
