import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { items, jobTasks, responses } from "@/db/schema";
import { cancelJob } from "@/server/services/jobs/cancel-job";
import { getJob } from "@/server/services/jobs/get-job";
import { runWorker, type WorkerOptions } from "@/server/services/jobs/run-worker";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

const API_KEY = "sk-gen-test-5f4dcc3b5aa765d61d8327deb882cf99";

let database: TestDatabase;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase({ poolMax: 12 });
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const fast: Partial<WorkerOptions> = { pollMs: 20, backoff: { baseMs: 20, maxMs: 200 } };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function setup(params: { prompts: unknown[]; kind?: "pairwise" | "ranking"; endpoints: string[] }) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, {
    admin,
    input: { overlap: 1, template: { kind: params.kind ?? "pairwise" } },
  });
  await importNative(db, {
    campaignId: campaign.id,
    text: params.prompts.map((prompt, i) => JSON.stringify({ id: `p${i}`, prompt })).join("\n"),
  });
  const endpoints = [];
  for (const model of params.endpoints) {
    endpoints.push(
      await callerFor(db, admin).model.create({
        name: `${model}-${campaign.id.slice(0, 6)}`,
        base_url: server.baseURL,
        model,
        api_key: API_KEY,
        concurrency: 3,
        timeout_seconds: 1,
        params: { temperature: 0.7, max_tokens: 200, system_prompt: "Answer briefly." },
      }),
    );
  }
  return { admin, campaign, endpoints };
}

describe("generation jobs", () => {
  it("fill 50 prompts × 2 endpoints through 429s, 500s, a hang and a worker killed mid-job, without a duplicate", async () => {
    const { db } = database;
    const conversation = [
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: "Hello Ada!" },
      { role: "user", content: "What is my name?" },
    ];
    const prompts = [conversation, ...Array.from({ length: 49 }, (_, i) => `Prompt number ${i + 1}`)];
    const { admin, campaign, endpoints } = await setup({ prompts, endpoints: ["model-a", "model-b"] });
    const [a, b] = endpoints;
    if (!a || !b) throw new Error("two endpoints expected");

    // Every 7th request is rate-limited, every 11th fails; one hangs past the 1 s timeout; one
    // 429 asks for a whole second. Replies take a little while, so work is in flight when a worker dies.
    server.setScript((_request, index) =>
      index % 7 === 3
        ? { kind: "error", status: 429, retryAfter: "0" }
        : index % 11 === 5
          ? { kind: "error", status: 503 }
          : { kind: "reply", delayMs: 15 },
    );
    const slowPrompt = (r: { body: { messages?: { content: unknown }[]; model?: string } | null }) =>
      r.body?.model === "model-b" && JSON.stringify(r.body.messages).includes("Prompt number 7\"");
    server.failNext(1, { kind: "error", status: 429, retryAfter: "1" }, slowPrompt);
    server.failNext(1, { kind: "hang" }, (r) => JSON.stringify(r.body?.messages).includes("Prompt number 9\""));

    const logged: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }

    const job = await startGenerationJob(db, {
      campaignId: campaign.id,
      input: { endpoints: [a.id, b.id], samples_per_endpoint: 1, params: { temperature: 0.2 } },
      actorId: admin.id,
    });
    expect((await getJob(db, { jobId: job.id })).progress).toMatchObject({ done: 0, total: 100 });

    const killA = new AbortController();
    const stopB = new AbortController();
    let doneByA = 0;
    const workerA = runWorker(db, {
      ...fast,
      signal: killA.signal,
      workerId: "worker-a",
      leaseMs: 1500,
      releaseOnStop: false,
      onTask: (_task, outcome) => {
        if (outcome === "done") doneByA++;
      },
      // Killed right after claiming, so it dies holding leases on requests in flight.
      onClaim: () => {
        if (doneByA >= 10) killA.abort();
      },
    });
    // Never hang the suite if worker A somehow stops claiming: the assertions below then fail.
    const watchdog = setTimeout(() => killA.abort(), 30_000);
    const workerB = runWorker(db, { ...fast, signal: stopB.signal, workerId: "worker-b", leaseMs: 1500 });
    await workerA;
    clearTimeout(watchdog);
    const abandoned = await db
      .select({ id: jobTasks.id })
      .from(jobTasks)
      .where(and(eq(jobTasks.jobId, job.id), eq(jobTasks.leaseOwner, "worker-a"), eq(jobTasks.status, "running")));
    expect(abandoned.length).toBeGreaterThan(0);

    const finished = await until(() => getJob(db, { jobId: job.id }), (j) => j.status !== "queued" && j.status !== "running");
    stopB.abort();
    await workerB;
    server.setScript(undefined);
    vi.restoreAllMocks();

    expect(finished).toMatchObject({ status: "done", progress: { done: 100, failed: 0, total: 100 }, errors: [] });
    const retried = await db.select().from(jobTasks).where(inArray(jobTasks.id, abandoned.map((t) => t.id)));
    expect(retried.every((t) => t.status === "done" && t.attempts >= 2)).toBe(true);

    // Exactly one response per (prompt, endpoint), every prompt now claimable.
    const stored = await db
      .select({ itemId: items.id, external: items.externalId, awaiting: items.awaitingGeneration, model: responses.model, generation: responses.generation, content: responses.content })
      .from(items)
      .innerJoin(responses, eq(responses.itemId, items.id))
      .where(eq(items.campaignId, campaign.id))
      .orderBy(asc(items.seq), asc(responses.position));
    expect(stored).toHaveLength(100);
    const perItem = new Map<string, string[]>();
    for (const r of stored) perItem.set(r.external, [...(perItem.get(r.external) ?? []), r.model ?? "?"]);
    expect(perItem.size).toBe(50);
    for (const models of perItem.values()) expect([...models].sort()).toEqual([a.name, b.name].sort());
    expect(stored.every((r) => !r.awaiting)).toBe(true);

    // The whole conversation was sent, after the endpoint's system prompt; parameters merged.
    const first = stored.find((r) => r.external === "p0" && r.model === a.name);
    const sent = [{ role: "system", content: "Answer briefly." }, ...conversation];
    expect(first?.content).toBe(fakeReply("model-a", sent, first?.generation?.seed));
    expect(first?.generation).toMatchObject({
      endpoint_id: a.id,
      model: "model-a",
      served_model: "model-a",
      params: { temperature: 0.2, max_tokens: 200, system_prompt: "Answer briefly." },
      finish_reason: "stop",
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      latency_ms: expect.any(Number),
    });
    const request = server.chatRequests().find((r) => r.body?.model === "model-a" && JSON.stringify(r.body.messages).includes("Ada"));
    expect(request?.body).toMatchObject({ messages: sent, temperature: 0.2, max_tokens: 200 });

    // The endpoint limit held across both workers; Retry-After was honoured.
    expect(server.peakInFlight("model-a")).toBeLessThanOrEqual(3);
    expect(server.peakInFlight("model-b")).toBeLessThanOrEqual(3);
    const slow = server.chatRequests().filter((r) => slowPrompt(r));
    expect(slow.length).toBeGreaterThanOrEqual(2);
    expect((slow[1]?.at ?? 0) - (slow[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(server.chatRequests().length).toBeGreaterThan(100);

    expect(logged.join("\n")).not.toContain(API_KEY);
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const { task } = await callerFor(db, annotator).task.claimNext({ campaignId: campaign.id });
    expect(task?.responses).toHaveLength(2);
  });

  it("give 1 endpoint × 3 samples to a ranking campaign, three different responses per prompt", async () => {
    const { db } = database;
    const { admin, campaign, endpoints } = await setup({ prompts: ["Q1", "Q2"], kind: "ranking", endpoints: ["model-k"] });
    const endpointIds = endpoints.map((e) => e.id);
    await expect(
      startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: endpointIds, samples_per_endpoint: 2 }, actorId: admin.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const job = await startGenerationJob(db, {
      campaignId: campaign.id,
      input: { endpoints: endpointIds, samples_per_endpoint: 3 },
      actorId: admin.id,
    });
    const stop = new AbortController();
    const worker = runWorker(db, { ...fast, signal: stop.signal });
    const done = await until(() => getJob(db, { jobId: job.id }), (j) => j.status === "done");
    stop.abort();
    await worker;
    expect(done.progress).toMatchObject({ done: 6, total: 6 });
    const rows = await db
      .select({ external: items.externalId, content: responses.content, sample: responses.generation })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(eq(items.campaignId, campaign.id));
    for (const id of ["p0", "p1"]) {
      const mine = rows.filter((r) => r.external === id);
      expect(new Set(mine.map((r) => r.content)).size).toBe(3);
      expect(mine.map((r) => r.sample?.sample).sort()).toEqual([0, 1, 2]);
    }
    // A second job finds nothing left to generate.
    await expect(
      startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: endpointIds, samples_per_endpoint: 3 }, actorId: admin.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("fail a task for good on a refusal, keep the key out of the errors, and cancel cleanly", async () => {
    const { db } = database;
    const { admin, campaign, endpoints } = await setup({ prompts: ["R1", "R2"], endpoints: ["model-r", "model-s"] });
    const [r, s] = endpoints;
    if (!r || !s) throw new Error("two endpoints expected");
    await callerFor(db, admin).model.update({ endpointId: s.id, input: { api_key: `${API_KEY}-wrong` } });
    const job = await startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: [r.id, s.id] }, actorId: admin.id });
    const stop = new AbortController();
    const worker = runWorker(db, { ...fast, signal: stop.signal });
    const failed = await until(() => getJob(db, { jobId: job.id }), (j) => j.status === "failed");
    stop.abort();
    await worker;
    expect(failed.progress).toMatchObject({ done: 2, failed: 2, total: 4 });
    expect(failed.errors).toHaveLength(2);
    expect(failed.errors[0]?.message).toMatch(/401/);
    expect(JSON.stringify(failed)).not.toContain(API_KEY);
    const waiting = await db.select({ awaiting: items.awaitingGeneration }).from(items).where(eq(items.campaignId, campaign.id));
    expect(waiting.every((i) => i.awaiting)).toBe(true);

    await callerFor(db, admin).model.update({ endpointId: s.id, input: { api_key: API_KEY } });
    const again = await startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: [r.id, s.id] }, actorId: admin.id });
    expect((await getJob(db, { jobId: again.id })).progress.total).toBe(2); // only the missing slots
    const cancelled = await cancelJob(db, { jobId: again.id, actorId: admin.id });
    expect(cancelled).toMatchObject({ status: "cancelled", progress: { cancelled: 2, total: 2 } });
    await expect(cancelJob(db, { jobId: job.id, actorId: admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
