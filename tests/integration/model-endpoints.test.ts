import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getEndpoint, PATCH as patchEndpoint, DELETE as deleteEndpoint } from "@/app/api/v1/model-endpoints/[id]/route";
import { POST as testEndpoint } from "@/app/api/v1/model-endpoints/[id]/test/route";
import { GET as listEndpoints, POST as createEndpoint } from "@/app/api/v1/model-endpoints/route";
import { auditEvents, modelEndpoints } from "@/db/schema";
import { resetEnvCache } from "@/server/env";
import { checkSecretKey } from "@/server/services/models/check-secret-key";
import { callerFor, createUser } from "../fixtures/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../fixtures/fake-openai-server";
import { callRoute, isErrorShape, restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

const API_KEY = "sk-live-0123456789abcdefSECRET";

let database: TestDatabase;
let restore: () => void;
let server: FakeOpenAiServer;
let captured: string[];
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  server = await startFakeOpenAiServer({ apiKey: API_KEY, models: ["tiny"] });
});
afterAll(async () => {
  restore?.();
  await server?.close();
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  resetEnvCache();
});

/** Everything the process writes to the console while `work` runs. */
async function captureConsole<T>(work: () => Promise<T>): Promise<T> {
  captured = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : String(a))).join(" "));
    });
  }
  return work();
}

describe("model endpoints", () => {
  it("store the API key encrypted and never give it back, over REST or tRPC", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const created = await captureConsole(() =>
      callRoute(createEndpoint, "POST", {
        token,
        json: { name: "tiny-a", base_url: server.baseURL, model: "tiny", api_key: API_KEY, params: { temperature: 0.7, max_tokens: 64 } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "tiny-a", model: "tiny", has_api_key: true, params: { temperature: 0.7 } });
    const id = (created.json as { id: string }).id;

    const [row] = await db.select().from(modelEndpoints).where(eq(modelEndpoints.id, id));
    expect(row?.apiKeyCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(API_KEY);
    expect(JSON.stringify(row)).not.toContain(API_KEY.slice(-8));
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(JSON.stringify(audit)).not.toContain(API_KEY);

    const replies = [
      created.json,
      (await callRoute(listEndpoints, "GET", { token })).json,
      (await callRoute(getEndpoint, "GET", { token, id })).json,
      (await callRoute(patchEndpoint, "PATCH", { token, id, json: { concurrency: 2 } })).json,
      await callerFor(db, admin).model.list(),
      await callerFor(db, admin).model.update({ endpointId: id, input: { api_key: API_KEY } }),
    ];
    for (const reply of replies) {
      expect(JSON.stringify(reply)).not.toContain(API_KEY);
      expect(JSON.stringify(reply)).not.toContain(API_KEY.slice(-4));
      expect(JSON.stringify(reply)).not.toMatch(/ciphertext/i);
    }
    expect(replies[3]).toMatchObject({ concurrency: 2, has_api_key: true });
    expect(captured.join("\n")).not.toContain(API_KEY);
  });

  it("test the connection with the stored key, and report a refusal without quoting the key", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const token = await tokenFor(db, admin);
    const made = await callerFor(db, admin).model.create({ name: "tiny-b", base_url: server.baseURL, model: "tiny", api_key: API_KEY });
    const ok = await callRoute(testEndpoint, "POST", { token, id: made.id });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ok: true, served_model: "tiny", reply: expect.stringContaining("ready") });
    expect(server.chatRequests().at(-1)?.authorization).toBe(`Bearer ${API_KEY}`);

    const wrongKey = "sk-wrong-key-ffffffffffffffff";
    await callerFor(db, admin).model.update({ endpointId: made.id, input: { api_key: wrongKey } });
    const refused = await captureConsole(() => callRoute(testEndpoint, "POST", { token, id: made.id }));
    expect(refused.json).toMatchObject({ ok: false, status: 401 });
    expect(JSON.stringify(refused.json)).not.toContain(wrongKey);
    expect(JSON.stringify(refused.json)).not.toContain("ffffffff");
    expect(captured.join("\n")).not.toContain(wrongKey);

    await callerFor(db, admin).model.update({ endpointId: made.id, input: { api_key: API_KEY, timeout_seconds: 1 } });
    server.failNext(1, { kind: "hang" });
    const hung = await callerFor(db, admin).model.test({ endpointId: made.id });
    expect(hung).toMatchObject({ ok: false, message: "No answer within 1 s" });
  });

  it("are for admins only, validate their fields, and can be deleted", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const annotatorToken = await tokenFor(db, annotator);
    const forbidden = await callRoute(listEndpoints, "GET", { token: annotatorToken });
    expect(forbidden.status).toBe(403);
    expect(isErrorShape(forbidden.json)).toBe(true);
    await expect(callerFor(db, annotator).model.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const token = await tokenFor(db, admin);
    const bad = await callRoute(createEndpoint, "POST", {
      token,
      json: { name: "x", base_url: "file:///etc/passwd", model: "m", params: { temperature: 9 } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("base_url");
    expect(JSON.stringify(bad.json)).toContain("params.temperature");

    const made = await callerFor(db, admin).model.create({ name: "to-delete", base_url: server.baseURL, model: "tiny" });
    expect(made.hasApiKey).toBe(false);
    const duplicate = await callRoute(createEndpoint, "POST", { token, json: { name: "to-delete", base_url: server.baseURL, model: "m" } });
    expect(duplicate.status).toBe(409);
    expect((await callRoute(deleteEndpoint, "DELETE", { token, id: made.id })).status).toBe(204);
    expect((await callRoute(getEndpoint, "GET", { token, id: made.id })).status).toBe(404);
  });

  it("stop a production start without ARBITER_SECRET_KEY once keys are stored, and refuse to store one", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    await callerFor(db, admin).model.create({ name: "sealed", base_url: server.baseURL, model: "tiny", api_key: API_KEY });
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("ARBITER_SECRET_KEY", "");
    resetEnvCache();
    await expect(checkSecretKey(db)).rejects.toThrow(/ARBITER_SECRET_KEY must be set in production/);
    await expect(
      callerFor(db, admin).model.create({ name: "another", base_url: server.baseURL, model: "tiny", api_key: "sk-x-123456789" }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("ARBITER_SECRET_KEY") });
    vi.stubEnv("ARBITER_SECRET_KEY", "not-a-key");
    resetEnvCache();
    await expect(checkSecretKey(db)).rejects.toThrow(/32 random bytes/);
    // A different (valid) key cannot read the stored ones, and says so.
    vi.stubEnv("ARBITER_SECRET_KEY", "k".repeat(20) + "abcdefghijklmnopqrstuvw");
    resetEnvCache();
    await expect(checkSecretKey(db)).resolves.toBeUndefined();
    const [sealed] = await db.select().from(modelEndpoints).where(eq(modelEndpoints.name, "sealed"));
    const result = await callerFor(db, admin).model.test({ endpointId: sealed?.id ?? "" }).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("different ARBITER_SECRET_KEY") });
  });
});
