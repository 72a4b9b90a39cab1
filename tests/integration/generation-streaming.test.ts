import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { items, jobTasks, responses } from "@/db/schema";
import { runWorker } from "@/server/services/jobs/run-worker";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { fakeReply, fakeTokens, startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

const SYSTEM = "Answer briefly.";

/**
 * Two endpoints for the same model id, one streamed and one not, over the same prompts: the
 * fake server's reply depends on (model, conversation, seed) only, so both must store the same
 * answer. Waits for every task through the worker's own report, no polling.
 */
async function generate(prompts: string[]) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
  await importNative(db, { campaignId: campaign.id, text: prompts.map((prompt, i) => JSON.stringify({ id: `p${i}`, prompt })).join("\n") });
  const make = (name: string, stream: boolean) =>
    callerFor(db, admin).model.create({
      name: `${name}-${campaign.id.slice(0, 6)}`,
      base_url: server.baseURL,
      model: "model-s",
      timeout_seconds: 1,
      params: { max_tokens: 100, system_prompt: SYSTEM, ...(stream ? { stream: true } : {}) },
    });
  const plain = await make("plain", false);
  const streamed = await make("streamed", true);
  await startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: [plain.id, streamed.id] }, actorId: admin.id });
  const stop = new AbortController();
  let done = 0;
  let retries = 0;
  await runWorker(db, {
    signal: stop.signal,
    pollMs: 20,
    backoff: { baseMs: 20, maxMs: 100 },
    onTask: (_task, outcome) => {
      if (outcome === "done" && ++done === prompts.length * 2) stop.abort();
      if (outcome === "retry") retries++;
      if (outcome === "failed") stop.abort();
    },
  });
  const stored = await db
    .select({ external: items.externalId, generation: responses.generation, content: responses.content })
    .from(responses)
    .innerJoin(items, eq(items.id, responses.itemId))
    .where(eq(items.campaignId, campaign.id))
    .orderBy(asc(items.seq), asc(responses.position));
  const tasks = await db.select().from(jobTasks).where(eq(jobTasks.endpointId, streamed.id));
  return { plain, streamed, stored, tasks, retries };
}

describe("streamed generation", () => {
  it("stores the same content, token counts and finish reason as a plain reply, with its latency", async () => {
    const { plain, streamed, stored, retries } = await generate(["Name a prime number.", "Say hi in French."]);
    expect(retries).toBe(0);
    expect(stored).toHaveLength(4);
    for (const prompt of ["p0", "p1"]) {
      const mine = stored.filter((r) => r.external === prompt);
      const a = mine.find((r) => r.generation?.endpoint_id === plain.id);
      const b = mine.find((r) => r.generation?.endpoint_id === streamed.id);
      if (!a?.generation || !b?.generation) throw new Error("both responses expected");
      const seed = a.generation.seed;
      const text = prompt === "p0" ? "Name a prime number." : "Say hi in French.";
      const expected = fakeReply("model-s", [{ role: "system", content: SYSTEM }, { role: "user", content: text }], seed);
      expect(a.content).toBe(expected);
      expect(b.content).toBe(expected);
      const same = ["served_model", "prompt_tokens", "completion_tokens", "total_tokens", "finish_reason"] as const;
      for (const key of same) expect({ key, value: b.generation[key] }).toEqual({ key, value: a.generation[key] });
      expect(b.generation).toMatchObject({
        finish_reason: "stop",
        completion_tokens: fakeTokens(expected),
        params: { stream: true },
        latency_ms: expect.any(Number) as unknown,
        first_token_ms: expect.any(Number) as unknown,
      });
      expect(b.generation.first_token_ms ?? Infinity).toBeLessThanOrEqual(b.generation.latency_ms);
      expect(a.generation.first_token_ms).toBeUndefined();
    }
    const streamedRequests = server.chatRequests().filter((r) => r.body?.stream === true);
    expect(streamedRequests).toHaveLength(2);
    expect(streamedRequests.every((r) => r.body?.stream_options?.include_usage === true)).toBe(true);
  });

  it("retries a stream that breaks off, ends early or stalls, and never stores a partial answer", async () => {
    const streamedOnly = (r: { body: { stream?: boolean } | null }) => r.body?.stream === true;
    server.failNext(1, { kind: "broken-stream", after: "reset", chunks: 3 }, streamedOnly);
    server.failNext(1, { kind: "broken-stream", after: "end", chunks: 2 }, streamedOnly);
    // Stalls past the endpoint's 1 s timeout after the first words: the SDK's own timeout has
    // stopped at the headers by then.
    server.failNext(1, { kind: "broken-stream", after: "stall", chunks: 1 }, streamedOnly);
    const before = server.chatRequests().length;
    const { streamed, stored, tasks, retries } = await generate(["Tell me about rivers.", "Tell me about lakes."]);
    expect(retries).toBe(3);

    // One response per (prompt, endpoint) slot, each the whole answer.
    const mine = stored.filter((r) => r.generation?.endpoint_id === streamed.id);
    expect(mine).toHaveLength(2);
    for (const r of mine) {
      const prompt = r.external === "p0" ? "Tell me about rivers." : "Tell me about lakes.";
      expect(r.content).toBe(fakeReply("model-s", [{ role: "system", content: SYSTEM }, { role: "user", content: prompt }], r.generation?.seed));
      expect(r.generation).toMatchObject({ finish_reason: "stop", completion_tokens: fakeTokens(r.content) });
    }
    expect(tasks.every((t) => t.status === "done")).toBe(true);
    // Three broken attempts, each retried: five streamed requests for two answers.
    expect(tasks.reduce((n, t) => n + t.attempts, 0)).toBe(5);
    const requests = server.chatRequests().slice(before).filter((r) => r.body?.stream === true);
    expect(requests).toHaveLength(5);
  });
});
