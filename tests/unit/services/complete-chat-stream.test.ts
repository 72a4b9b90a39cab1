import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeChat } from "@/server/services/models/complete-chat";
import { ModelCallAborted, ModelCallError } from "@/server/services/models/model-call-error";
import { fakeReply, startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/fixtures/fake-openai-server";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());

const messages = [{ role: "user" as const, content: "Name a river." }];
const call = (stream: boolean, signal?: AbortSignal) =>
  completeChat({
    endpoint: { baseUrl: server.baseURL, model: "m-stream", timeoutSeconds: 1 },
    apiKey: null,
    messages,
    generation: { max_tokens: 50, ...(stream ? { stream: true } : {}) },
    seed: 7,
    signal,
  });

describe("completeChat with a streamed reply", () => {
  it("accumulates the same answer, usage and finish reason as a plain reply", async () => {
    const plain = await call(false);
    const streamed = await call(true);
    expect(streamed.content).toBe(fakeReply("m-stream", messages, 7));
    const { latencyMs: _a, firstTokenMs: _f, ...rest } = streamed;
    const { latencyMs: _b, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(streamed.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(server.chatRequests().at(-1)?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("treats a connection reset mid-stream as a retryable failure", async () => {
    server.failNext(1, { kind: "broken-stream", after: "reset", chunks: 2 });
    const error = await call(true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(error).toMatchObject({ retryable: true });
  });

  it("treats a stream that ends without a finish reason as incomplete, not as a shorter answer", async () => {
    server.failNext(1, { kind: "broken-stream", after: "end", chunks: 2 });
    await expect(call(true)).rejects.toMatchObject({
      name: "ModelCallError",
      retryable: true,
      message: "The stream ended before the answer was complete",
    });
  });

  it("times out a stream that stalls after its first words, as it would a silent server", async () => {
    server.failNext(1, { kind: "broken-stream", after: "stall", chunks: 1 });
    const started = Date.now();
    await expect(call(true)).rejects.toMatchObject({ name: "ModelCallError", retryable: true, message: "No answer within 1 s" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("reports a cancellation mid-stream as an abort, not a failure", async () => {
    server.failNext(1, { kind: "broken-stream", after: "stall", chunks: 1 });
    const controller = new AbortController();
    const pending = call(true, controller.signal);
    // Cancel once the server has the request (the stall begins after the first chunk).
    const arrived = server.chatRequests().length;
    for (let i = 0; server.chatRequests().length === arrived && i < 200; i++) await new Promise((r) => setImmediate(r));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ModelCallAborted);
  });
});
