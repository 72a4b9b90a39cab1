import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as stats } from "@/app/api/v1/campaigns/[id]/stats/route";
import { items, responses } from "@/db/schema";
import { runWorker } from "@/server/services/jobs/run-worker";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { addAnnotator, callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { realItemId } from "../fixtures/task-ids";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
let server: FakeOpenAiServer;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  // One prompt draws a reply that names its maker, from one of the two models.
  server = await startFakeOpenAiServer({
    script: (request) =>
      request.body?.model === "model-leaky" && JSON.stringify(request.body.messages).includes("Who made you?")
        ? { kind: "reply", content: "I'm Claude, an assistant made by Anthropic." }
        : undefined,
  });
});
afterAll(async () => {
  restore?.();
  await server?.close();
  await database?.close();
});

/** Generates 2 prompts × 2 endpoints and waits for the four tasks through the worker's own report. */
async function generate(mode: "hold" | "warn") {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap: 1, identity_leak: mode } });
  await importNative(db, {
    campaignId: campaign.id,
    text: ["Who made you?", "Say hi"].map((prompt, i) => JSON.stringify({ id: `p${i}`, prompt })).join("\n"),
  });
  const endpointIds: string[] = [];
  for (const model of ["model-plain", "model-leaky"]) {
    const endpoint = await callerFor(db, admin).model.create({
      name: `${model}-${campaign.id.slice(0, 6)}`,
      base_url: server.baseURL,
      model,
      timeout_seconds: 5,
    });
    endpointIds.push(endpoint.id);
  }
  await startGenerationJob(db, { campaignId: campaign.id, input: { endpoints: endpointIds }, actorId: admin.id });
  const stop = new AbortController();
  let done = 0;
  await runWorker(db, {
    signal: stop.signal,
    pollMs: 20,
    onTask: (_task, outcome) => {
      if (outcome === "done" && ++done === 4) stop.abort();
    },
  });
  const annotator = await createUser(db, { role: "annotator" });
  await addAnnotator(db, { campaignId: campaign.id, annotator });
  return { admin, campaign, annotator };
}

describe("identity-leak guard after generation", () => {
  it("holds a prompt whose generated reply names its maker, before any annotator sees it", async () => {
    const { db } = database;
    const { admin, campaign, annotator } = await generate("hold");
    const rows = await db
      .select({ external: items.externalId, status: items.leakStatus, awaiting: items.awaitingGeneration, matches: responses.leakMatches, content: responses.content })
      .from(items)
      .innerJoin(responses, eq(responses.itemId, items.id))
      .where(eq(items.campaignId, campaign.id))
      .orderBy(asc(items.seq), asc(responses.position));
    expect(rows).toHaveLength(4);
    const leaky = rows.filter((r) => r.matches !== null);
    expect(leaky).toEqual([
      { external: "p0", status: "held", awaiting: false, matches: ["I'm Claude", "Anthropic"], content: "I'm Claude, an assistant made by Anthropic." },
    ]);
    expect(rows.filter((r) => r.external === "p1").every((r) => r.status === "clean")).toBe(true);

    // Only the clean prompt is a task; the held one is never handed out.
    const caller = callerFor(db, annotator);
    const first = await caller.task.claimNext({ campaignId: campaign.id });
    if (!first.task) throw new Error("expected the clean prompt");
    const [clean] = await db.select({ id: items.id }).from(items).where(and(eq(items.campaignId, campaign.id), eq(items.externalId, "p1")));
    expect(await realItemId(db, first.task)).toBe(clean?.id);
    await caller.task.submit({ assignmentId: first.task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" } });
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toMatchObject({ task: null, reason: "done" });

    const reply = await callRoute(stats, "GET", { token: await tokenFor(db, admin), id: campaign.id });
    expect(reply.json).toMatchObject({ items: 2, identity_leaks: { flagged: 1, held: 1, warned: 0, released: 0 } });
  });

  it("under warn, serves that prompt with the warning", async () => {
    const { db } = database;
    const { campaign, annotator } = await generate("warn");
    const caller = callerFor(db, annotator);
    const warnings: boolean[] = [];
    for (let { task } = await caller.task.claimNext({ campaignId: campaign.id }); task; ) {
      warnings.push(task.identityWarning);
      const { next } = await caller.task.submit({ assignmentId: task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" }, claimNext: true });
      task = next?.task ?? null;
    }
    expect(warnings.sort()).toEqual([false, true]);
  });
});
