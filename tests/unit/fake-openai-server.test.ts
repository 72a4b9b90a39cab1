import OpenAI, { APIConnectionTimeoutError, APIError, RateLimitError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fakeReply,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from "@/tests/fixtures/fake-openai-server";

let server: FakeOpenAiServer;
let client: OpenAI;
const messages = [{ role: "user" as const, content: "Name a prime number." }];

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: "sk-test-key", models: ["m-small", "m-large"] });
  client = new OpenAI({ baseURL: server.baseURL, apiKey: "sk-test-key", timeout: 500, maxRetries: 0, logLevel: "off" });
});
afterAll(() => server.close());

describe("the fake OpenAI-compatible server the model tests run against", () => {
  it("answers chat completions through the official SDK, deterministically per model, prompt and seed", async () => {
    const first = await client.chat.completions.create({ model: "m-small", messages, seed: 1 });
    const again = await client.chat.completions.create({ model: "m-small", messages, seed: 1 });
    const other = await client.chat.completions.create({ model: "m-small", messages, seed: 2 });
    expect(first.choices[0]?.message.content).toBe(fakeReply("m-small", messages, 1));
    expect(again.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(other.choices[0]?.message.content).not.toBe(first.choices[0]?.message.content);
    expect(first.choices[0]?.finish_reason).toBe("stop");
    expect(first.usage?.completion_tokens).toBeGreaterThan(0);
    expect(server.chatRequests().at(-1)?.authorization).toBe("Bearer sk-test-key");
  });

  it("streams the same reply as server-sent events, with usage when asked", async () => {
    const stream = await client.chat.completions.create({
      model: "m-large",
      messages,
      seed: 3,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: number | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage?.total_tokens ?? usage;
    }
    expect(text).toBe(fakeReply("m-large", messages, 3));
    expect(finish).toBe("stop");
    expect(usage).toBeGreaterThan(0);
  });

  it("lists its models and refuses a wrong key", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["m-small", "m-large"]);
    const wrong = new OpenAI({ baseURL: server.baseURL, apiKey: "sk-wrong", maxRetries: 0, logLevel: "off" });
    await expect(wrong.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it("injects a 429 with Retry-After, a 500, a hang past the timeout and a non-JSON body, then recovers", async () => {
    server.failNext(1, { kind: "error", status: 429, retryAfter: "7" });
    const limited = await client.chat.completions.create({ model: "m-small", messages }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).headers.get("retry-after")).toBe("7");

    server.failNext(1, { kind: "error", status: 500 });
    await expect(client.chat.completions.create({ model: "m-small", messages })).rejects.toMatchObject({ status: 500 });

    server.failNext(1, { kind: "hang" });
    await expect(client.chat.completions.create({ model: "m-small", messages })).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );

    server.failNext(1, { kind: "garbage" });
    const garbage = await client.chat.completions.create({ model: "m-small", messages }).catch((e: unknown) => e);
    expect(garbage).toBeInstanceOf(Error);
    expect(garbage).not.toBeInstanceOf(APIError);

    const fine = await client.chat.completions.create({ model: "m-small", messages });
    expect(fine.choices[0]?.message.content).toContain("An answer to: Name a prime number.");
  });

  it("scripts replies per request, e.g. a judge that answers with prose instead of a verdict", async () => {
    server.setScript((request) =>
      request.body?.model === "judge" ? { kind: "reply", content: "Both are lovely, honestly." } : undefined,
    );
    const reply = await client.chat.completions.create({ model: "judge", messages });
    expect(reply.choices[0]?.message.content).toBe("Both are lovely, honestly.");
    server.setScript(undefined);
    const recorded = server.chatRequests().at(-1);
    expect(recorded?.body?.model).toBe("judge");
    expect(recorded?.body?.messages).toEqual(messages);
  });
});
