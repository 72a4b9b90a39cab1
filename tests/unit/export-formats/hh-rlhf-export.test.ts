import { describe, expect, it } from "vitest";
import { parseHhRlhfRow } from "@/server/formats/hh-rlhf-jsonl";
import { renderConversation, toHhRlhfRow } from "@/server/formats/hh-rlhf-export";
import type { PreferencePair } from "@/server/formats/preference-pair";
import { conversationalPair, standardPair, toolPair } from "./fixtures";

/** Odd but real HH-RLHF lines: curly quotes, emoji, empty and space-led answers, CRLF, lists. */
const lines = [
  {
    chosen:
      "\n\nHuman: What’s “RLHF”? 🤔\n\nAssistant:  It is a method.\n\nHuman: Thanks\n\nAssistant: You’re welcome 😊",
    rejected:
      "\n\nHuman: What’s “RLHF”? 🤔\n\nAssistant:  It is a method.\n\nHuman: Thanks\n\nAssistant: ",
  },
  {
    chosen: "\n\nHuman: List:\r\n1. a\n2. b\n\nAssistant:   - one\n- two  ",
    rejected: "\n\nHuman: List:\r\n1. a\n2. b\n\nAssistant: no",
  },
];

function pairFromHhSource(prefix: string, chosen: string, rejected: string): PreferencePair {
  return {
    itemExternalId: "hh",
    prompt: [{ role: "user", content: "rendered text is not used" }],
    promptFormat: "messages",
    chosen: { externalId: "1", model: null, content: chosen.trim() },
    rejected: { externalId: "2", model: null, content: rejected.trim() },
    source: { format: "hh-rlhf", prefix, suffixes: { "1": chosen, "2": rejected }, preferred: "1" },
  };
}

describe("toHhRlhfRow", () => {
  it("rebuilds imported transcripts byte for byte from prefix and suffixes", () => {
    const row = toHhRlhfRow(
      pairFromHhSource("\n\nHuman: Hi", "\n\nAssistant:  x ", "\n\nAssistant: "),
    );
    expect(row).toEqual({
      chosen: "\n\nHuman: Hi\n\nAssistant:  x ",
      rejected: "\n\nHuman: Hi\n\nAssistant: ",
    });
  });

  it.each(lines.map((line, i) => [i, line] as const))(
    "round-trips imported line %i through the HH-RLHF importer byte for byte",
    (_i, line) => {
      const text = JSON.stringify(line);
      const parsed = parseHhRlhfRow(line, 1, text);
      if (!("item" in parsed)) throw new Error(JSON.stringify(parsed.problems));
      const { item } = parsed;
      const [first, second] = item.responses;
      if (!first || !second) throw new Error("expected two responses");
      const pair: PreferencePair = {
        itemExternalId: item.externalId,
        prompt: item.prompt,
        promptFormat: item.promptFormat,
        chosen: first,
        rejected: second,
        source: item.source ?? null,
      };
      const row = toHhRlhfRow(pair);
      expect(JSON.stringify(row)).toBe(text);
      expect(Buffer.from(row.chosen)).toEqual(Buffer.from(line.chosen));
    },
  );

  it("renders a conversation that was not imported from HH-RLHF", () => {
    expect(toHhRlhfRow(conversationalPair)).toEqual({
      chosen: "\n\nHuman: Be brief.\n\nWhat color is the sky?\n\nAssistant: It is blue.",
      rejected: "\n\nHuman: Be brief.\n\nWhat color is the sky?\n\nAssistant: It is green.",
    });
    expect(toHhRlhfRow(standardPair).chosen).toBe("\n\nHuman: The sky is\n\nAssistant:  blue.");
  });

  it("renders tool turns as Human and ends with an empty answer when there is none", () => {
    expect(toHhRlhfRow(toolPair).rejected).toBe(
      '\n\nHuman: Weather in Paris?\n\nAssistant: Calling the weather tool.\n\nHuman: {"temp": 21}\n\nAssistant: ',
    );
  });

  it("falls back to rendering when a response has no stored suffix", () => {
    const pair = pairFromHhSource("\n\nHuman: Hi", "\n\nAssistant: a", "\n\nAssistant: b");
    const row = toHhRlhfRow({ ...pair, rejected: { externalId: "3", model: null, content: "c" } });
    expect(row.rejected).toBe("\n\nHuman: rendered text is not used\n\nAssistant: c");
  });

  it("keeps a trailing system message", () => {
    expect(renderConversation([{ role: "system", content: "s" }])).toBe("\n\nHuman: s");
  });
});
