import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { items, responses } from "@/db/schema";
import { main } from "@/server/cli/main";
import { setCliDatabase } from "@/server/cli/with-database";
import { getJob } from "@/server/services/jobs/get-job";
import { callerFor, createCampaign, createUser, importNative } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

const API_KEY = "sk-cli-generate-c4ca4238a0b923820dcc509a6f75849b";

let database: TestDatabase;
let server: FakeOpenAiServer;
beforeAll(async () => {
  database = await createTestDatabase();
  setCliDatabase(database);
  server = await startFakeOpenAiServer({ apiKey: API_KEY });
});
afterAll(async () => {
  setCliDatabase(undefined);
  await server?.close();
  await database?.close();
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function arbiter(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; logged: string }> {
  let stdout = "";
  let stderr = "";
  let logged = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  for (const method of ["log", "error", "warn", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...a: unknown[]) => void (logged += a.map(String).join(" ")));
  }
  process.exitCode = undefined;
  await main(["node", "arbiter", ...args]);
  vi.restoreAllMocks();
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout, stderr, logged };
}

describe("arbiter generate and arbiter judge", () => {
  it("queues generation by campaign slug and endpoint names, works it to the end and reports", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
    await importNative(db, { campaignId: campaign.id, text: ["a", "b", "c"].map((id) => JSON.stringify({ id, prompt: `Say ${id}` })).join("\n") });
    for (const name of ["cli-left", "cli-right"]) {
      await callerFor(db, admin).model.create({ name, base_url: server.baseURL, model: name, api_key: API_KEY });
    }
    const run = await arbiter("generate", campaign.slug, "--endpoint", "cli-left", "--endpoint", "cli-right", "--temperature", "0.3", "--poll-ms", "20");
    expect(run.stderr).toContain("Job done: 6/6 responses, 0 failed.");
    expect(run.code).toBe(0);
    const jobId = run.stdout.trim();
    expect((await getJob(db, { jobId })).params).toMatchObject({ params: { temperature: 0.3 }, samples_per_endpoint: 1 });
    const stored = await db
      .select({ id: responses.id })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(eq(items.campaignId, campaign.id));
    expect(stored).toHaveLength(6);
    expect(run.stdout + run.stderr + run.logged).not.toContain(API_KEY);

    const none = await arbiter("generate", campaign.slug, "--endpoint", "cli-left", "--endpoint", "cli-right", "--detach");
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/No prompt of this campaign is waiting/);
    const unknown = await arbiter("generate", campaign.slug, "--endpoint", "nope");
    expect(unknown.stderr).toContain('No model endpoint with id or name "nope"');

    // The same endpoints as judges: one answers with verdicts, the other with prose.
    server.setScript((r) => (r.body?.model === "cli-right" ? { kind: "reply", content: '{"choice": "A"}' } : undefined));
    const judged = await arbiter("judge", campaign.slug, "--endpoint", "cli-right", "--poll-ms", "20");
    expect(judged.stderr).toContain("Job done: 6/6 verdicts, 0 failed.");
    expect(judged.code).toBe(0);
    const prose = await arbiter("judge", campaign.slug, "--endpoint", "cli-left", "--poll-ms", "20");
    server.setScript(undefined);
    expect(prose.code).toBe(1);
    expect(prose.stderr).toContain("Job failed: 0/6 verdicts, 6 failed.");
    expect(prose.stderr).toContain("The judge's reply is not a verdict");

    // RLAIF data: "A" whatever the order flips on every item, so none is exported unless kept.
    const dir = await mkdtemp(path.join(tmpdir(), "arbiter-ai-export-"));
    const out = path.join(dir, "ai.jsonl");
    const dropped = await arbiter("export", campaign.slug, "--format", "trl", "--source", "ai-judgements", "--out", out);
    expect(dropped.code).toBe(0);
    expect(await readFile(out, "utf8")).toBe("");
    const kept = await arbiter("export", campaign.slug, "--format", "trl", "--source", "ai-judgements", "--option", "inconsistent=keep", "--out", out);
    expect(kept.code).toBe(0);
    const rows = (await readFile(out, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.judge))).toEqual(new Set(["cli-right"]));
    const wrong = await arbiter("export", campaign.slug, "--format", "trl", "--source", "ai-judgements", "--option", "judge=cli-left", "--out", out);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('No judge named "cli-left" has judged this campaign; its judges: cli-right');
    await rm(dir, { recursive: true, force: true });
  });
});
