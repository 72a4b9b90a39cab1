import { describe, expect, it } from "vitest";
import { toStepsRows, toTrlStepwiseRows, type StepItem } from "@/server/formats/stepwise";

/** The example of TRL's dataset formats guide, "Stepwise supervision". */
const item: StepItem = {
  externalId: "larger",
  prompt: [{ role: "user", content: "Which number is larger, 9.8 or 9.11?" }],
  promptFormat: "text",
};
const response = {
  id: "r",
  externalId: "1",
  model: "m",
  steps: ["The fractional part of 9.8 is 0.8.", "0.11 is greater than 0.8.", "Hence, 9.11 > 9.8."],
};
const judge = (id: string, labels: number[]) => ({ id, annotator: `annotator-${id}`, labels: { r: labels } });

/** TRL's rules for a stepwise row: prompt, completions, labels; one bool per completion. */
function isStepwiseRow(row: Record<string, unknown>, conversational: boolean): boolean {
  const { prompt, completions, labels } = row;
  const promptOk = conversational
    ? Array.isArray(prompt) && prompt.every((m) => typeof m === "object" && m !== null && "role" in m && "content" in m)
    : typeof prompt === "string";
  return (
    promptOk &&
    Array.isArray(completions) &&
    completions.every((c) => typeof c === "string") &&
    Array.isArray(labels) &&
    labels.every((l) => typeof l === "boolean") &&
    labels.length === completions.length
  );
}

describe("TRL stepwise supervision rows", () => {
  it("reproduce TRL's example: true only for +1", () => {
    const rows = toTrlStepwiseRows(item, [response], [judge("a", [1, -1, -1])], "none");
    expect(rows).toEqual([
      {
        prompt: "Which number is larger, 9.8 or 9.11?",
        completions: ["The fractional part of 9.8 is 0.8.", "0.11 is greater than 0.8.", "Hence, 9.11 > 9.8."],
        labels: [true, false, false],
      },
    ]);
    expect(toTrlStepwiseRows(item, [response], [judge("a", [0, 0, 1])], "none")[0]?.labels).toEqual([false, false, true]);
  });

  it("majority: a step is true when more than half gave it +1; a tie is not a majority", () => {
    const votes = [judge("a", [1, 1, -1]), judge("b", [1, 0, 1]), judge("c", [1, 1, -1]), judge("d", [-1, 0, 1])];
    expect(toTrlStepwiseRows(item, [response], votes, "majority")[0]?.labels).toEqual([true, false, false]);
  });

  it("leave out labels that do not fit the steps, and responses nobody labelled", () => {
    expect(toTrlStepwiseRows(item, [response], [judge("a", [1, 1])], "none")).toEqual([]);
    expect(toTrlStepwiseRows(item, [response], [], "majority")).toEqual([]);
  });

  it("keep one prompt format: a conversation stays a conversation in every row", () => {
    const chat: StepItem = { ...item, promptFormat: "messages" };
    const text = toTrlStepwiseRows(item, [response], [judge("a", [1, 1, 1])], "none");
    const conv = toTrlStepwiseRows(chat, [response], [judge("a", [1, 1, 1])], "none");
    expect(text.every((r) => isStepwiseRow(r, false))).toBe(true);
    expect(conv.every((r) => isStepwiseRow(r, true))).toBe(true);
    expect(conv[0]?.prompt).toEqual(chat.prompt);
  });
});

describe("raw per-step rows", () => {
  it("give every step with each annotator's rating in PRM800K's 1 / 0 / -1", () => {
    const rows = toStepsRows(item, [response], [judge("a", [1, 0, -1]), judge("b", [1, 1, 1]), judge("c", [1])]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({
      id: "larger",
      response_id: "1",
      model: "m",
      prompt: "Which number is larger, 9.8 or 9.11?",
      step_index: 1,
      step: "0.11 is greater than 0.8.",
      labels: [
        { annotator: "annotator-a", judgement_id: "a", rating: 0 },
        { annotator: "annotator-b", judgement_id: "b", rating: 1 },
      ],
    });
  });
});
