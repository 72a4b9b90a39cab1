import { describe, expect, it } from "vitest";
import { parseTrlJsonl } from "@/server/formats/trl-jsonl";
import { bytesOf, fixture, itemsOf, parseAllWays, problemsOf } from "./stream-helpers";

const hashId = expect.stringMatching(/^sha256:[0-9a-f]{32}$/);
const text = (externalId: string, content: string) => ({
  externalId,
  model: null,
  contentKind: "text",
  content,
});

describe("TRL preference rows", () => {
  it("imports explicit and implicit rows, standard and conversational, the same at any chunk size", async () => {
    const records = await parseAllWays(parseTrlJsonl, fixture("trl-good.jsonl"));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(problemsOf(records)).toEqual([]);
    const [haiku, french, japan, python, kyoto] = itemsOf(records);
    expect(haiku).toEqual({
      externalId: "trl-1",
      prompt: [{ role: "user", content: "Write a haiku about autumn." }],
      promptFormat: "text",
      responses: [
        text(
          "1",
          " Leaves drift on cold wind…\nThe maple blushes, lets go—\nsilence fills the path.",
        ),
        text("2", " Autumn is a season."),
      ],
      metadata: {},
      source: { format: "trl", preferred: "1" },
    });
    expect(french).toEqual({
      externalId: "42",
      prompt: [
        { role: "system", content: "You are a concise assistant." },
        { role: "user", content: "Qu’est-ce que la photosynthèse ?" },
        {
          role: "assistant",
          content: "Le processus par lequel les plantes fabriquent leur nourriture.",
        },
        { role: "user", content: "Et en une phrase pour un enfant ? 🌱" },
      ],
      promptFormat: "messages",
      responses: [
        text("1", "Les plantes mangent la lumière du soleil ☀️ pour grandir."),
        text("2", ""),
      ],
      metadata: {},
      source: { format: "trl", preferred: "1" },
    });
    expect(japan).toEqual({
      externalId: hashId,
      prompt: [{ role: "user", content: "Q: What is the capital of Japan?\nA:" }],
      promptFormat: "text",
      responses: [text("1", " Tokyo, the “eastern capital”."), text("2", " Kyoto.")],
      metadata: { margin: 0.6667 },
      source: { format: "trl", preferred: "1", implicitPrompt: true },
    });
    expect(python).toEqual({
      externalId: "trl-4",
      prompt: [{ role: "user", content: "How do I reverse a list in Python? 🐍" }],
      promptFormat: "messages",
      responses: [text("1", "Use `items[::-1]` or `items.reverse()`."), text("2", "You can’t.")],
      metadata: { dataset: "stack-sample", annotator_agreement: 0.8 },
      source: { format: "trl", preferred: "1", implicitPrompt: true },
    });
    expect(kyoto?.prompt).toEqual([{ role: "user", content: "Plan a day in Kyoto." }]);
    expect(kyoto?.responses.map((r) => r.content)).toEqual([
      "Assistant: Morning: Fushimi Inari.\n\nAfternoon: Gion.\n\nUser: Cheaper?\n\nAssistant: Skip the tea ceremony.",
      "Assistant: Go to Tokyo.\n\nUser: Why?\n\nAssistant: It’s bigger.",
    ]);
    // A multi-turn answer keeps its messages: the per-turn template judges it turn by turn.
    expect(kyoto?.responses.map((r) => r.messages?.map((m) => m.role))).toEqual([
      ["assistant", "user", "assistant"],
      ["assistant", "user", "assistant"],
    ]);
  });

  it("keeps implicit standard text byte-exact: prompt + response is the original", async () => {
    const rows = [
      { chosen: "The sky is blue.", rejected: "The sky is green." },
      { chosen: "Title\n\n  Body — “quoted” 😀 yes", rejected: "Title\n\n  Body — “quoted” 😀 no" },
      { chosen: "Same words", rejected: "Same words" },
      { chosen: "Tell me more", rejected: "Tell me more, please" },
    ];
    const input = bytesOf(rows.map((r) => JSON.stringify(r)).join("\n"));
    const items = itemsOf(await parseAllWays(parseTrlJsonl, input));
    expect(items).toHaveLength(rows.length);
    items.forEach((item, index) => {
      const prompt = item.prompt[0]?.content ?? "";
      expect(prompt + (item.responses[0]?.content ?? "")).toBe(rows[index]?.chosen);
      expect(prompt + (item.responses[1]?.content ?? "")).toBe(rows[index]?.rejected);
    });
    expect(items[0]?.prompt[0]?.content).toBe("The sky is");
    expect(items[1]?.prompt[0]?.content).toBe("Title\n\n  Body — “quoted” 😀");
  });

  it("reports every bad row with its line and field, and still parses the rows after them", async () => {
    const records = await parseAllWays(parseTrlJsonl, fixture("trl-bad.jsonl"));
    const problems = problemsOf(records).map(({ line, field }) => ({ line, field }));
    expect(problems).toEqual([
      { line: 1, field: "label" },
      { line: 3, field: "prompt" },
      { line: 3, field: "rejected" },
      { line: 4, field: null },
      { line: 5, field: null },
      { line: 7, field: "rejected" },
      { line: 8, field: "chosen.0.role" },
      { line: 9, field: "id" },
      { line: 10, field: "chosen" },
    ]);
    expect(problemsOf(records)[0]?.message).toMatch(/unpaired/);
    expect(problemsOf(records)[4]?.message).toMatch(/^Not valid JSON/);
    expect(problemsOf(records)[5]?.message).toBe("This field is required");
    expect(itemsOf(records).map((item) => item.externalId)).toEqual([hashId, "last-good"]);
  });

  it("derives the same content id for the same row, and a different one for a different row", async () => {
    const row = JSON.stringify({ prompt: "p", chosen: "a", rejected: "b" });
    const other = JSON.stringify({ prompt: "p", chosen: "a", rejected: "c" });
    const items = itemsOf(await parseAllWays(parseTrlJsonl, bytesOf(`${row}\n${row}\n${other}\n`)));
    expect(items[0]?.externalId).toBe(items[1]?.externalId);
    expect(items[2]?.externalId).not.toBe(items[0]?.externalId);
  });

  it("imports very long responses whole", async () => {
    const long = "Lorem ipsum “dolor” sit amet 🎉. ".repeat(20_000);
    const row = JSON.stringify({ prompt: "Be verbose.", chosen: long, rejected: "No." });
    const [item] = itemsOf(await parseAllWays(parseTrlJsonl, bytesOf(row), [4093, 65_536]));
    expect(item?.responses[0]?.content).toBe(long);
  });
});
