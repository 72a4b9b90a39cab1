import { describe, expect, it } from "vitest";
import { parseOpenAiDpoJsonl } from "@/server/formats/openai-dpo-jsonl";
import { bytesOf, fixture, itemsOf, parseAllWays, problemsOf } from "./stream-helpers";

const text = (externalId: string, content: string) => ({
  externalId,
  model: null,
  contentKind: "text",
  content,
});

describe("OpenAI preference (DPO) rows", () => {
  it("imports input messages as the prompt and the two outputs as responses", async () => {
    const records = await parseAllWays(parseOpenAiDpoJsonl, fixture("openai-dpo-good.jsonl"));
    expect(problemsOf(records)).toEqual([]);
    const [hello, weather] = itemsOf(records);
    expect(hello).toEqual({
      externalId: expect.stringMatching(/^sha256:[0-9a-f]{32}$/),
      prompt: [{ role: "user", content: "Hello" }],
      promptFormat: "messages",
      responses: [text("1", "Hi! How can I help?"), text("2", "What.")],
      metadata: {},
      source: { format: "openai-dpo", preferred: "1", tools: [], parallel_tool_calls: true },
    });
    expect(weather).toEqual({
      externalId: "oa-7",
      prompt: [
        { role: "system", content: "Answer in German." },
        { role: "user", content: "How’s the weather? ☔" },
        { role: "assistant", content: "Es regnet." },
        { role: "user", content: "And tomorrow?" },
      ],
      promptFormat: "messages",
      responses: [text("1", "Morgen wird es sonnig. ☀️"), text("2", "")],
      metadata: { split: "train" },
      source: { format: "openai-dpo", preferred: "1" },
    });
  });

  it("reports empty outputs, wrong roles and missing fields by line and field", async () => {
    const records = await parseAllWays(parseOpenAiDpoJsonl, fixture("openai-dpo-bad.jsonl"));
    const problems = problemsOf(records);
    expect(problems).toEqual([
      { line: 1, field: "non_preferred_output", message: "Needs at least one assistant message" },
      { line: 2, field: "preferred_output.0.role", message: "Outputs hold assistant messages (and the tool results they called for)" },
      { line: 3, field: "input", message: "This field is required" },
      { line: 4, field: "input.messages.0.role", message: expect.any(String) },
    ]);
    expect(itemsOf(records).map((item) => item.responses[0]?.content)).toEqual(["Pong"]);
  });

  it("reports a non-object line and bad JSON without stopping", async () => {
    const good = JSON.stringify({
      input: { messages: [{ role: "user", content: "Q" }] },
      preferred_output: [{ role: "assistant", content: "A" }],
      non_preferred_output: [{ role: "assistant", content: "B" }],
    });
    const records = await parseAllWays(
      parseOpenAiDpoJsonl,
      bytesOf(`[1, 2]\n{"input":\n${good}\n`),
    );
    expect(problemsOf(records).map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 1, field: null },
      { line: 2, field: null },
    ]);
    expect(itemsOf(records)).toHaveLength(1);
  });
});
