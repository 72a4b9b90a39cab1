import { describe, expect, it } from "vitest";
import { parseNativeJsonl } from "@/server/formats/native-jsonl";
import { bytesOf, itemsOf, parseAllWays, problemsOf } from "./stream-helpers";

describe("native JSONL parser", () => {
  it("reads string and conversation prompts, text and media responses", async () => {
    const text = [
      JSON.stringify({ id: 7, prompt: "Hi 👋", responses: [{ content: "" }, { id: "b", model: "m", content: "Hello" }] }),
      JSON.stringify({
        id: "conv",
        prompt: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Draw a cat" },
        ],
        responses: [{ image_url: "https://img.example/cat1.png" }, { image_url: "https://img.example/cat2.png" }],
        metadata: { source: "test" },
        gold: { choice: "1" },
      }),
    ].join("\n");
    const records = await parseAllWays(parseNativeJsonl, bytesOf(text));
    expect(problemsOf(records)).toEqual([]);
    const [first, second] = itemsOf(records);
    expect(first).toEqual({
      externalId: "7",
      prompt: [{ role: "user", content: "Hi 👋" }],
      promptFormat: "text",
      responses: [
        { externalId: "1", model: null, contentKind: "text", content: "" },
        { externalId: "b", model: "m", contentKind: "text", content: "Hello" },
      ],
      metadata: {},
    });
    expect(second).toMatchObject({
      externalId: "conv",
      promptFormat: "messages",
      metadata: { source: "test" },
      gold: { choice: "1" },
      responses: [{ contentKind: "image", content: "https://img.example/cat1.png" }, { contentKind: "image" }],
    });
  });

  it("keeps a gold item's guideline passage and refuses one without a gold answer", async () => {
    const text = [
      JSON.stringify({ id: "g", prompt: "p", responses: [{ content: "a" }, { content: "b" }], gold: "1", gold_explanation: "See **§2**." }),
      JSON.stringify({ id: "r", prompt: "p", responses: [{ content: "a" }, { content: "b" }], gold_explanation: "orphan" }),
    ].join("\n");
    const records = await parseAllWays(parseNativeJsonl, bytesOf(text));
    expect(itemsOf(records)).toMatchObject([{ externalId: "g", gold: "1", goldExplanation: "See **§2**." }]);
    expect(problemsOf(records).map((p) => [p.line, p.field])).toEqual([[2, "gold_explanation"]]);
  });

  it("gives items without an id a stable content id", async () => {
    const line = JSON.stringify({ prompt: "p", responses: [{ content: "a" }, { content: "b" }] });
    const [a] = itemsOf(await parseAllWays(parseNativeJsonl, bytesOf(line)));
    const [b] = itemsOf(await parseAllWays(parseNativeJsonl, bytesOf(`\n${line}\n`)));
    expect(a?.externalId).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(b?.externalId).toBe(a?.externalId);
  });

  it("names the line and field of every problem", async () => {
    const text = [
      "{not json",
      JSON.stringify({ id: "x", prompt: "p", responses: [{ content: "a", image_url: "https://x.example/a.png" }] }),
      JSON.stringify({ id: "y", prompt: "p", responses: [{ content: "a" }], extra: 1 }),
      JSON.stringify({ id: "z", prompt: [{ role: "robot", content: "hi" }], responses: [{ content: "a" }] }),
      JSON.stringify({ id: "w", prompt: "p", responses: [{ id: "a", content: "1" }, { id: "a", content: "2" }] }),
      JSON.stringify({ id: "v", prompt: "p", responses: [{ image_url: "javascript:alert(1)" }] }),
    ].join("\n");
    const problems = problemsOf(await parseAllWays(parseNativeJsonl, bytesOf(text)));
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [1, null],
      [2, "responses.0"],
      [3, null],
      [4, "prompt.0.role"],
      [5, "responses"],
      [6, "responses.0.image_url"],
    ]);
    expect(problems[0]?.message).toMatch(/^Not valid JSON/);
    expect(problems[5]?.message).toBe("image_url must be an http:// or https:// URL");
  });

  it("reads a vision prompt's parts; an image part without a web URL is a problem on its line", async () => {
    const vision = [
      { role: "user", content: [{ type: "image_url", image_url: { url: "https://x.example/cat.png" } }, { type: "text", text: "What is this?" }] },
    ];
    const text = [
      JSON.stringify({ id: "ok", prompt: vision, responses: [{ content: "a cat" }, { content: "a dog" }] }),
      JSON.stringify({ id: "no-url", prompt: [{ role: "user", content: [{ type: "text", text: "?" }, { type: "image_url", image_url: {} }] }], responses: [{ content: "a" }] }),
      JSON.stringify({ id: "file", prompt: [{ role: "user", content: [{ type: "image_url", image_url: { url: "file:///etc/passwd" } }] }], responses: [{ content: "a" }] }),
      JSON.stringify({ id: "odd", prompt: [{ role: "user", content: [{ type: "video", url: "https://x.example/v.mp4" }] }], responses: [{ content: "a" }] }),
    ].join("\n");
    const records = await parseAllWays(parseNativeJsonl, bytesOf(text));
    const first = records[0];
    expect(first && "item" in first ? first.item.prompt : null).toEqual(vision);
    expect(problemsOf(records).map((p) => [p.line, p.field, p.message])).toEqual([
      [2, "prompt.0.content.1.image_url.url", "an image part needs a URL (image_url: {url})"],
      [3, "prompt.0.content.0.image_url.url", "must be an http:// or https:// URL"],
      [4, "prompt.0.content.0.type", 'a content part is {type: "text", text} or {type: "image_url", image_url: {url}}'],
    ]);
  });

  it("keeps a response's reasoning apart from its content, under either name", async () => {
    const text = [
      JSON.stringify({ id: "ok", prompt: "p", responses: [{ content: "No.", reasoning_content: "why" }, { content: "Yes.", thinking: "hmm" }, { content: "Maybe." }] }),
      JSON.stringify({ id: "both", prompt: "p", responses: [{ content: "No.", reasoning_content: "a", thinking: "b" }] }),
    ].join("\n");
    const records = await parseAllWays(parseNativeJsonl, bytesOf(text));
    const first = records[0];
    expect(first && "item" in first ? first.item.responses.map((r) => [r.content, r.reasoning]) : null).toEqual([
      ["No.", "why"],
      ["Yes.", "hmm"],
      ["Maybe.", undefined],
    ]);
    expect(problemsOf(records).map((p) => [p.line, p.message])).toEqual([[2, "A response has one reasoning: reasoning_content or thinking, not both"]]);
  });
});
