import { describe, expect, it } from "vitest";
import { parseHhRlhfJsonl } from "@/server/formats/hh-rlhf-jsonl";
import type { ImportedItem } from "@/server/formats/import-types";
import { bytesOf, fixture, itemsOf, parseAllWays, problemsOf } from "./stream-helpers";

const text = (externalId: string, content: string) => ({
  externalId,
  model: null,
  contentKind: "text",
  content,
});
const contents = (item: ImportedItem | undefined) => item?.responses.map((r) => r.content);

interface HhSource {
  prefix: string;
  suffixes: { "1": string; "2": string };
}

function sourceOf(item: ImportedItem | undefined): HhSource {
  return item?.source as unknown as HhSource;
}

function originals(bytes: Uint8Array): { chosen: string; rejected: string }[] {
  return new TextDecoder()
    .decode(bytes)
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as { chosen: string; rejected: string });
}

describe("HH-RLHF transcripts", () => {
  it("splits a single-turn pair into the human turn and the two answers", async () => {
    const [first] = itemsOf(await parseAllWays(parseHhRlhfJsonl, fixture("hh-rlhf-good.jsonl")));
    expect(first).toEqual({
      externalId: expect.stringMatching(/^sha256:[0-9a-f]{32}$/),
      prompt: [{ role: "user", content: "What’s a good name for a cat? 🐱" }],
      promptFormat: "messages",
      responses: [text("1", "How about “Miso”? It’s short and sweet."), text("2", "Cat.")],
      metadata: {},
      source: {
        format: "hh-rlhf",
        prefix: "\n\nHuman: What’s a good name for a cat? 🐱",
        suffixes: {
          "1": "\n\nAssistant: How about “Miso”? It’s short and sweet.",
          "2": "\n\nAssistant: Cat.",
        },
        preferred: "1",
      },
    });
  });

  it("reproduces every transcript byte for byte as prefix + suffix, at any chunk size", async () => {
    const bytes = fixture("hh-rlhf-good.jsonl");
    const records = await parseAllWays(parseHhRlhfJsonl, bytes);
    expect(problemsOf(records)).toEqual([]);
    const items = itemsOf(records);
    const rows = originals(bytes);
    expect(items).toHaveLength(rows.length);
    items.forEach((item, index) => {
      const { prefix, suffixes } = sourceOf(item);
      expect(prefix + suffixes["1"]).toBe(rows[index]?.chosen);
      expect(prefix + suffixes["2"]).toBe(rows[index]?.rejected);
    });
  });

  it("handles empty answers, extra spaces, earlier differences and paragraph breaks inside turns", async () => {
    const [, essay, silent, joke, same, fruits, spaced] = itemsOf(
      await parseAllWays(parseHhRlhfJsonl, fixture("hh-rlhf-good.jsonl")),
    );
    expect(essay?.prompt).toEqual([
      { role: "user", content: "Can you help me with my essay?" },
      { role: "assistant", content: "Sure, what is it about?" },
      { role: "user", content: "Never mind." },
    ]);
    expect(contents(essay)).toEqual(["", "OK! Let me know if you change your mind."]);
    expect(contents(silent)).toEqual(["", " Two leading spaces."]);
    expect(sourceOf(silent).suffixes).toEqual({
      "1": "\n\nAssistant:",
      "2": "\n\nAssistant:  Two leading spaces.",
    });
    // The pair differs in the first answer, so the shared conversation is only the first question.
    expect(joke?.prompt).toEqual([{ role: "user", content: "Hi" }]);
    expect(contents(joke)).toEqual([
      "Hello! 👋\n\nHuman: Tell me a joke.\n\nAssistant: Why did the chicken cross the road?",
      "What do you want?\n\nHuman: Rude.\n\nAssistant: Sorry.",
    ]);
    expect(same?.prompt).toEqual([{ role: "user", content: "Same?" }]);
    expect(contents(same)).toEqual(["Same.", "Same."]);
    expect(fruits?.prompt).toEqual([{ role: "user", content: "List three fruits.\n\nThanks!" }]);
    expect(contents(fruits)).toEqual(["1. Apple\n2. Banana\n\n3. Cherry 🍒", "No."]);
    expect(spaced?.prompt).toEqual([{ role: "user", content: "  extra spaces\n\n" }]);
    expect(contents(spaced)).toEqual(["ok", "no"]);
  });

  it("reports transcripts that are not HH-RLHF, and keeps parsing after them", async () => {
    const records = await parseAllWays(parseHhRlhfJsonl, fixture("hh-rlhf-bad.jsonl"));
    const problems = problemsOf(records);
    expect(problems.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 1, field: "chosen" },
      { line: 2, field: "chosen" },
      { line: 2, field: "rejected" },
      { line: 3, field: null },
      { line: 4, field: "rejected" },
      { line: 5, field: "chosen" },
    ]);
    expect(problems[0]?.message).toBe('The chosen transcript must start with "\\n\\nHuman:"');
    expect(problems[3]?.message).toMatch(/share no conversation/);
    expect(problems[4]?.message).toBe("This field is required");
    expect(itemsOf(records).map((item) => contents(item))).toEqual([["Yes.", "No."]]);
  });

  it("round-trips long multi-turn transcripts with multi-byte text split across 1-byte chunks", async () => {
    const turns = Array.from(
      { length: 40 },
      (_, i) => `\n\nHuman: Question ${i} — “why?” 🤔\n\nAssistant: Because ${i}. ✨`,
    ).join("");
    const row = {
      chosen: `${turns}\n\nHuman: Last?\n\nAssistant: Yes — 終わり。`,
      rejected: `${turns}\n\nHuman: Last?\n\nAssistant: `,
    };
    const [item] = itemsOf(
      await parseAllWays(parseHhRlhfJsonl, bytesOf(JSON.stringify(row)), [1, 5]),
    );
    expect(item?.prompt).toHaveLength(81);
    expect(contents(item)).toEqual(["Yes — 終わり。", ""]);
    const { prefix, suffixes } = sourceOf(item);
    expect(prefix + suffixes["1"]).toBe(row.chosen);
    expect(prefix + suffixes["2"]).toBe(row.rejected);
  });
});
