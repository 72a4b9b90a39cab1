import { describe, expect, it } from "vitest";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { toTrlImplicitRow } from "@/server/formats/trl-implicit";
import { toTrlKtoRows } from "@/server/formats/trl-kto";
import {
  allPairs,
  conversationalPair,
  marginPair,
  rankedItem,
  ranking,
  standardPair,
  toolPair,
} from "./fixtures";
import { rankingToPairs } from "@/server/formats/ranking-pairs";
import { expectTrlRow, trlViolations } from "./trl-rules";

const writers = {
  explicit: (pair: (typeof allPairs)[number]) => [toTrlExplicitRow(pair)],
  implicit: (pair: (typeof allPairs)[number]) => [toTrlImplicitRow(pair)],
  kto: (pair: (typeof allPairs)[number]) => toTrlKtoRows(pair),
};

describe("TRL rules checker", () => {
  it("rejects what TRL rejects", () => {
    expect(trlViolations({ prompt: "p", chosen: "a", rejected: "b", label: true })).not.toEqual([]);
    expect(trlViolations({ prompt: "p", completion: "a", label: "true" })).not.toEqual([]);
    expect(
      trlViolations({ prompt: "p", chosen: [{ role: "assistant", content: "a" }], rejected: "b" }),
    ).not.toEqual([]);
    expect(trlViolations({ chosen: [], rejected: [] })).not.toEqual([]);
    expect(trlViolations({ prompt: "p", chosen: "a" })).not.toEqual([]);
    expect(
      trlViolations({
        prompt: [{ role: "system", content: "s" }],
        completion: [{ role: "assistant", content: "a" }],
        label: false,
      }),
    ).not.toEqual([]);
  });

  it("takes tool results in an answer only when they answer a call made before them", () => {
    const call = { id: "c1", type: "function", function: { name: "f", arguments: "{}" } };
    const prompt = [{ role: "user", content: "q" }];
    const answer = (id: string) => [
      { role: "assistant", content: "", tool_calls: [call] },
      { role: "tool", tool_call_id: id, content: "{}" },
      { role: "assistant", content: "done" },
    ];
    const rejected = [{ role: "assistant", content: "no" }];
    expect(trlViolations({ prompt, chosen: answer("c1"), rejected })).toEqual([]);
    expect(trlViolations({ chosen: [...prompt, ...answer("c1")], rejected: [...prompt, ...rejected] })).toEqual([]);
    expect(trlViolations({ prompt, chosen: answer("c9"), rejected })).toEqual(["chosen: tool message 2 answers no earlier call (tool_call_id c9)"]);
    expect(trlViolations({ chosen: [...prompt, ...answer("c9")], rejected: [...prompt, ...rejected] })).toEqual([
      "chosen: tool message 2 answers no earlier call (tool_call_id c9)",
    ]);
    // A tool result the answer ends on, or a user turn inside it, is not an answer.
    expect(trlViolations({ prompt, chosen: answer("c1").slice(0, 2), rejected })).toEqual(["chosen does not end with the assistant's answer"]);
    expect(trlViolations({ prompt, chosen: [{ role: "user", content: "x" }, ...rejected], rejected })).not.toEqual([]);
  });

  it("accepts the reference examples", () => {
    expect(
      trlViolations({
        prompt: [{ role: "user", content: "What color is the sky?" }],
        chosen: [{ role: "assistant", content: "It is blue." }],
        rejected: [{ role: "assistant", content: "It is green." }],
      }),
    ).toEqual([]);
    expect(trlViolations({ prompt: "The sky is", completion: " blue.", label: true })).toEqual([]);
  });
});

describe.each(Object.entries(writers))("TRL %s writer", (_name, write) => {
  it.each(allPairs.map((pair, i) => [i, pair] as const))(
    "writes a row TRL loads for input %i",
    (_i, pair) => {
      for (const row of write(pair)) expectTrlRow(row);
    },
  );
});

describe("toTrlImplicitRow", () => {
  it("concatenates a standard prompt and answer exactly, leading spaces kept", () => {
    expect(toTrlImplicitRow(standardPair)).toEqual({
      chosen: "The sky is blue.",
      rejected: "The sky is green.",
    });
  });

  it("writes whole conversations that share the prompt", () => {
    expect(toTrlImplicitRow(marginPair)).toEqual({
      chosen: [...conversationalPair.prompt, { role: "assistant", content: "It is blue." }],
      rejected: [...conversationalPair.prompt, { role: "assistant", content: "It is green." }],
      margin: 2 / 3,
    });
  });

  it("carries group and weight of ranking-expanded pairs", () => {
    const [first] = rankingToPairs(rankedItem, ranking, "g");
    expect(first && toTrlImplicitRow(first)).toEqual({
      chosen: "Write a haiku.A",
      rejected: "Write a haiku.B",
      group_id: "g",
      weight: 1 / 6,
    });
  });
});

describe("toTrlKtoRows", () => {
  it("gives the chosen answer label true and the rejected one label false", () => {
    expect(toTrlKtoRows(standardPair)).toEqual([
      { prompt: "The sky is", completion: " blue.", label: true },
      { prompt: "The sky is", completion: " green.", label: false },
    ]);
  });

  it("keeps a conversation as messages, with only the assistant turn as completion", () => {
    const [good, bad] = toTrlKtoRows(toolPair);
    expect(good).toEqual({
      prompt: toolPair.prompt,
      completion: [{ role: "assistant", content: "21 °C, sunny." }],
      label: true,
    });
    expect(bad?.label).toBe(false);
  });

  it("drops the margin, which describes a pair, but keeps group and weight", () => {
    const [row] = toTrlKtoRows({ ...marginPair, groupId: "g", weight: 0.5 });
    expect(row).not.toHaveProperty("margin");
    expect(row).toMatchObject({ group_id: "g", weight: 0.5 });
  });
});
