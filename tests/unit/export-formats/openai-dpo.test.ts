import { describe, expect, it } from "vitest";
import { toOpenAiDpoRow } from "@/server/formats/openai-dpo";
import { conversationalPair, marginPair, standardPair } from "./fixtures";

describe("toOpenAiDpoRow", () => {
  it("turns a text prompt into one user message", () => {
    expect(toOpenAiDpoRow(standardPair)).toEqual({
      input: { messages: [{ role: "user", content: "The sky is" }] },
      preferred_output: [{ role: "assistant", content: " blue." }],
      non_preferred_output: [{ role: "assistant", content: " green." }],
    });
  });

  it("keeps a conversation and adds no columns OpenAI would refuse", () => {
    const row = toOpenAiDpoRow({ ...marginPair, groupId: "g", weight: 0.1 });
    expect(Object.keys(row).sort()).toEqual(["input", "non_preferred_output", "preferred_output"]);
    expect(row.input).toEqual({ messages: conversationalPair.prompt });
  });

  it("puts tools from an OpenAI import back under input", () => {
    const tools = [{ type: "function", function: { name: "weather", parameters: {} } }];
    const row = toOpenAiDpoRow({
      ...conversationalPair,
      source: { format: "openai-dpo", preferred: "1", tools, parallel_tool_calls: false },
    });
    expect(row.input).toEqual({
      messages: conversationalPair.prompt,
      tools,
      parallel_tool_calls: false,
    });
  });
});
