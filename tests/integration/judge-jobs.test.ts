import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as judge } from "@/app/api/v1/campaigns/[id]/judge/route";
import { GET as judges } from "@/app/api/v1/campaigns/[id]/judges/route";
import { items, suggestions } from "@/db/schema";
import { getJob } from "@/server/services/jobs/get-job";
import { runWorker } from "@/server/services/jobs/run-worker";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer, type RecordedRequest } from "../fixtures/fake-openai-server";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { realItemId } from "../fixtures/task-ids";

const API_KEY = "sk-judge-45c48cce2e2d7fbdea1afc51c7c6ad26";

let database: TestDatabase;
let restore: () => void;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
afterAll(async () => {
  restore?.();
  await server?.close();
  await database?.close();
});

/** The judge under test: prefers the response that says "good", except on Q3 (always "A") and Q4 (prose). */
function scriptedJudge(request: RecordedRequest) {
  const user = String(request.body?.messages?.at(-1)?.content ?? "");
  if (user.includes("Q3")) return { kind: "reply" as const, content: 'Sure. {"choice": "A", "rationale": "A reads better."}' };
  if (user.includes("Q4")) return { kind: "reply" as const, content: "Honestly, both have their charm." };
  const a = /\[Response A\]\n(.*)\n\[End of response A\]/.exec(user)?.[1] ?? "";
  return { kind: "reply" as const, content: "```json\n" + JSON.stringify({ choice: a.includes("good") ? "A" : "B" }) + "\n```" };
}

describe("LLM judge jobs", () => {
  it("judge every item in both orders, flag the flip, never take a slot, and match a hand count", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const campaign = await createCampaign(db, {
      admin,
      input: { overlap: 2, guidelines: "Prefer the correct answer.", template: { kind: "pairwise" } },
    });
    const rows = [
      ["q1", "good one", "bad one"],
      ["q2", "bad two", "good two"],
      ["q3", "good three", "bad three"],
      ["q4", "good four", "bad four"],
    ];
    await importNative(db, {
      campaignId: campaign.id,
      text: rows
        .map(([id, a, b]) => JSON.stringify({ id, prompt: `${id?.toUpperCase()}: which is right?`, responses: [{ id: "a", content: a }, { id: "b", content: b }] }))
        .join("\n"),
    });
    const endpoint = await callerFor(db, admin).model.create({ name: "judge-1", base_url: server.baseURL, model: "judge", api_key: API_KEY });
    server.setScript((request) => (request.body?.model === "judge" ? scriptedJudge(request) : undefined));

    const token = await tokenFor(db, admin);
    const started = await callRoute(judge, "POST", { token, id: campaign.id, json: { endpoint: endpoint.id } });
    expect(started.status).toBe(202);
    const jobId = (started.json as { job_id: string }).job_id;
    const stop = new AbortController();
    const worker = runWorker(db, { signal: stop.signal, pollMs: 20 });
    let job = await getJob(db, { jobId });
    while (job.status === "queued" || job.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 25));
      job = await getJob(db, { jobId });
    }
    stop.abort();
    await worker;
    server.setScript(undefined);

    // Q4's replies are not verdicts: two failed tasks with a clear message, the rest stored.
    expect(job).toMatchObject({ status: "failed", progress: { done: 6, failed: 2, total: 8 } });
    expect(job.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("The judge's reply is not a verdict"),
      expect.stringContaining("The judge's reply is not a verdict"),
    ]);
    const system = String(server.chatRequests().at(-1)?.body?.messages?.[0]?.content);
    expect(system).toContain("Prefer the correct answer.");

    const stored = await db.select().from(suggestions).where(eq(suggestions.campaignId, campaign.id));
    expect(stored).toHaveLength(6);
    const consistency = new Map(stored.map((s) => [s.itemId, s.consistent]));
    const itemRows = await db.select().from(items).where(eq(items.campaignId, campaign.id));
    const byExternal = new Map(itemRows.map((i) => [i.externalId, i]));
    expect(consistency.get(byExternal.get("q1")?.id ?? "")).toBe(true);
    expect(consistency.get(byExternal.get("q3")?.id ?? "")).toBe(false);
    // Suggestions are not judgements: every slot is still open.
    expect(itemRows.map((i) => [i.openSlots, i.judgementCount])).toEqual(rows.map(() => [2, 0]));

    // Humans: X agrees with the judge on q1 and q2; Y picks the first response everywhere.
    const annotators = [await createUser(db, { role: "annotator" }), await createUser(db, { role: "annotator" })];
    const picks: Record<string, string>[] = [
      { q1: "a", q2: "b", q3: "a", q4: "a" },
      { q1: "a", q2: "a", q3: "a", q4: "a" },
    ];
    for (const [i, annotator] of annotators.entries()) {
      await addAnnotator(db, { campaignId: campaign.id, annotator });
      const caller = callerFor(db, annotator);
      for (let n = 0; n < 4; n++) {
        const { task } = await caller.task.claimNext({ campaignId: campaign.id });
        if (!task) throw new Error("expected a task");
        // Tasks show per-assignment handles; the answer may name the real ids as well.
        const itemId = await realItemId(db, task);
        const external = itemRows.find((it) => it.id === itemId)?.externalId ?? "";
        const wanted = picks[i]?.[external] === "a" ? 0 : 1;
        const ids = await db.query.responses.findMany({ where: (r, { eq: is }) => is(r.itemId, itemId), orderBy: (r, { asc }) => asc(r.position) });
        await caller.task.submit({ assignmentId: task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: ids[wanted]?.id ?? "" } });
      }
    }

    const report = await callRoute(judges, "GET", { token, id: campaign.id });
    expect(report.status).toBe(200);
    const [figures] = (report.json as { judges: unknown[] }).judges as Record<string, unknown>[];
    // Hand count: consistent on q1 and q2 of the three paired items; decisive verdicts for the
    // response shown first: q1 once, q2 once, q3 twice = 4 of 6, binomial p = 44/64.
    expect(figures).toMatchObject({
      judge: "judge-1",
      verdicts: 6,
      items: 3,
      swap_consistency: { consistent: 2, n: 3 },
      position_bias: { n: 6 },
    });
    expect((figures?.swap_consistency as { rate: number }).rate).toBeCloseTo(2 / 3, 10);
    expect((figures?.position_bias as { first_share: number }).first_share).toBeCloseTo(4 / 6, 10);
    expect((figures?.position_bias as { p_value: number }).p_value).toBeCloseTo(44 / 64, 10);
    // Consensus (strict majority): q1 first, q2 split (none), q3 first; the judge labels q1 and q2
    // only (q3 flipped): one shared item, agreeing; κ and α undefined with a single category.
    expect(figures?.human_consensus).toEqual({ n: 1, agreement: 1, kappa: null, alpha: null });
    const perAnnotator = new Map(
      (figures?.annotators as { annotator: { id: string }; n: number; agreement: number; kappa: number }[]).map((a) => [a.annotator.id, a]),
    );
    // X: (first, first), (second, second) → κ = 1, α = 1. Y: (first, first), (second, first):
    // p_o = 1/2, p_e = 1/2·1 + 1/2·0 = 1/2 → κ = 0; α: values first ×3, second ×1 (n = 4), one
    // disagreeing unit → 1 − (n − 1)·2 / (2·3·1) = 0.
    expect(perAnnotator.get(annotators[0]?.id ?? "")).toMatchObject({ n: 2, agreement: 1, kappa: 1, alpha: 1 });
    expect(perAnnotator.get(annotators[1]?.id ?? "")).toMatchObject({ n: 2, agreement: 0.5, kappa: 0, alpha: 0 });
    const tokens = stored.reduce((sum, s) => sum + (s.promptTokens ?? 0) + (s.completionTokens ?? 0), 0);
    expect(figures?.tokens).toEqual({ total: tokens, per_verdict: tokens / 6 });
    expect(JSON.stringify(report.json) + JSON.stringify(started.json)).not.toContain(API_KEY);
  });
});
