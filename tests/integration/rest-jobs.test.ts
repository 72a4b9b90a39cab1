import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCampaign } from "@/app/api/v1/campaigns/[id]/export/route";
import { POST as generate } from "@/app/api/v1/campaigns/[id]/generate/route";
import { GET as listJobs } from "@/app/api/v1/campaigns/[id]/jobs/route";
import { POST as cancel } from "@/app/api/v1/jobs/[id]/cancel/route";
import { GET as getJob } from "@/app/api/v1/jobs/[id]/route";
import { runWorker } from "@/server/services/jobs/run-worker";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

const API_KEY = "sk-rest-jobs-9e107d9d372bb6826bd81d3542a419d6";

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

async function campaignWithPrompts(count: number) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
  const text = Array.from({ length: count }, (_, i) => JSON.stringify({ id: `q${i}`, prompt: `Question ${i}` })).join("\n");
  await importNative(db, { campaignId: campaign.id, text });
  const caller = callerFor(db, admin);
  const endpoints = await Promise.all(
    ["left", "right"].map((name) =>
      caller.model.create({ name: `${name}-${campaign.id.slice(0, 8)}`, base_url: server.baseURL, model: name, api_key: API_KEY }),
    ),
  );
  return { admin, campaign, endpoints, token: await tokenFor(db, admin) };
}

describe("REST: generation jobs", () => {
  it("POST generate answers 202 with a job to poll until done; the key appears in no reply or export", async () => {
    const { db } = database;
    const { campaign, endpoints, token } = await campaignWithPrompts(3);
    const started = await callRoute(generate, "POST", {
      token,
      id: campaign.id,
      json: { endpoints: endpoints.map((e) => e.id), samples_per_endpoint: 1, params: { temperature: 0 } },
    });
    expect(started.status).toBe(202);
    const jobId = (started.json as { job_id: string }).job_id;
    expect(started.json).toMatchObject({ job: { id: jobId, status: "queued", progress: { done: 0, total: 6 } } });

    const stop = new AbortController();
    const worker = runWorker(db, { signal: stop.signal, pollMs: 20 });
    let polled = await callRoute(getJob, "GET", { token, id: jobId });
    while ((polled.json as { status: string }).status !== "done") {
      await new Promise((resolve) => setTimeout(resolve, 25));
      polled = await callRoute(getJob, "GET", { token, id: jobId });
    }
    stop.abort();
    await worker;
    expect(polled.json).toMatchObject({ status: "done", progress: { done: 6, failed: 0, total: 6 }, errors: [], kind: "generate" });
    const listed = await callRoute(listJobs, "GET", { token, id: campaign.id });
    expect((listed.json as { jobs: { id: string }[] }).jobs.map((j) => j.id)).toEqual([jobId]);
    for (const reply of [started.json, polled.json, listed.json]) expect(JSON.stringify(reply)).not.toContain(API_KEY);
    const ended = await callRoute(cancel, "POST", { token, id: jobId });
    expect(ended.status).toBe(409);

    // Judged and exported: the generated responses carry their endpoint, never its key.
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    for (let i = 0; i < 3; i++) {
      const { task } = await callerFor(db, annotator).task.claimNext({ campaignId: campaign.id });
      if (!task) throw new Error("expected a task");
      const choice = task.responses[0]?.id ?? "";
      await callerFor(db, annotator).task.submit({ assignmentId: task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice } });
    }
    for (const format of ["judgements", "trl"]) {
      const request = new Request(`http://localhost/api/v1/campaigns/${campaign.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const file = await (await exportCampaign(request, { params: Promise.resolve({ id: campaign.id }) })).text();
      expect(file.trim().split("\n")).toHaveLength(3);
      expect(file).not.toContain(API_KEY);
      if (format === "judgements") expect(file).toContain(endpoints[0]?.name);
    }
  });

  it("refuses a bad request, a template mismatch and an annotator; cancels a queued job", async () => {
    const { db } = database;
    const { campaign, endpoints, token } = await campaignWithPrompts(2);
    const ids = endpoints.map((e) => e.id);
    const annotator = await createUser(db, { role: "annotator" });
    const forbidden = await callRoute(generate, "POST", { token: await tokenFor(db, annotator), id: campaign.id, json: { endpoints: ids } });
    expect(forbidden.status).toBe(403);
    const malformed = await callRoute(generate, "POST", { token, id: campaign.id, json: { endpoints: ["nope"] } });
    expect(malformed.status).toBe(400);
    expect(isErrorShape(malformed.json)).toBe(true);
    const tooMany = await callRoute(generate, "POST", { token, id: campaign.id, json: { endpoints: ids, samples_per_endpoint: 2 } });
    expect(tooMany.status).toBe(400);
    expect((tooMany.json as { error: { message: string } }).error.message).toMatch(/needs 2 responses per prompt/);

    const started = await callRoute(generate, "POST", { token, id: campaign.id, json: { endpoints: ids } });
    const jobId = (started.json as { job_id: string }).job_id;
    const twice = await callRoute(generate, "POST", { token, id: campaign.id, json: { endpoints: ids } });
    expect(twice.status).toBe(409);
    const cancelled = await callRoute(cancel, "POST", { token, id: jobId });
    expect(cancelled.json).toMatchObject({ status: "cancelled", progress: { cancelled: 4, total: 4 } });
    expect((await callRoute(getJob, "GET", { token, id: crypto.randomUUID() })).status).toBe(404);
  });
});
