import { describe, expect, it } from "vitest";
import { STEPS, withKind } from "@/app/(annotate)/campaigns/[id]/answer-kinds";
import { bindingFor } from "@/app/(annotate)/campaigns/[id]/key-map";
import type { StepsTask } from "@/app/(annotate)/campaigns/[id]/steps-answer";
import { responseSteps, splitSteps } from "@/server/domain/steps";
import { parseNativeLine } from "@/server/formats/native-jsonl";
import { templateConfigSchema, type StepsTemplate } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor } from "@/server/services/judgements/judgement-payload";

const steps = (extra: Record<string, unknown> = {}) =>
  templateConfigSchema.parse({ kind: "steps", ...extra }) as StepsTemplate;

describe("the steps template (DESIGN §16)", () => {
  it("defaults to labelling every step, split at blank lines, and rejects unknown keys", () => {
    expect(steps()).toEqual({
      kind: "steps",
      mode: "per_step",
      split: "blank_lines",
      rationale: { required: false, min_length: 0 },
      flags: [],
    });
    expect(() => steps({ mode: "last_error" })).toThrow();
    expect(() => steps({ colour: "red" })).toThrow();
  });

  it("cuts a text at blank lines or at line breaks, trimming and dropping empty pieces", () => {
    const text = "Step one.\n\n  Step two,\nstill two.\r\n\r\n\n\nStep three.\n";
    expect(splitSteps(text, "blank_lines")).toEqual(["Step one.", "Step two,\nstill two.", "Step three."]);
    expect(splitSteps(text, "lines")).toEqual(["Step one.", "Step two,", "still two.", "Step three."]);
    // Explicit steps win over any split, even when a step holds a blank line.
    expect(responseSteps({ content: "a\n\nb\n\nc", steps: ["a\n\nb", "c"] }, "blank_lines")).toEqual(["a\n\nb", "c"]);
    expect(responseSteps({ content: "", steps: null }, "blank_lines")).toEqual([""]);
  });
});

describe("step-label payloads", () => {
  const counts = new Map([
    ["r1", 4],
    ["r2", 2],
  ]);
  const ids = ["r1", "r2"];

  it("takes one label of 1, 0 or -1 per step of every response", () => {
    const schema = payloadSchemaFor(steps(), ids, counts);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, -1], r2: [-1, 1] } }).success).toBe(true);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0], r2: [1, 1] } }).success).toBe(false);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, 2], r2: [1, 1] } }).success).toBe(false);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, true], r2: [1, 1] } }).success).toBe(false);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, 1] } }).success).toBe(false);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, 1], r3: [1, 1] } }).success).toBe(false);
    expect(schema.safeParse({ steps: { r1: [1, 1, 0, 1], r2: [1, 1] }, choice: "r1" }).success).toBe(false);
  });

  it("in first_error mode, every label after the first -1 must be -1", () => {
    const schema = payloadSchemaFor(steps({ mode: "first_error" }), ids, counts);
    expect(schema.safeParse({ steps: { r1: [1, 1, -1, -1], r2: [1, 1] } }).success).toBe(true);
    expect(schema.safeParse({ steps: { r1: [1, 0, 1, 1], r2: [-1, -1] } }).success).toBe(true);
    const bad = schema.safeParse({ steps: { r1: [1, -1, 1, -1], r2: [1, 1] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["steps", "r1"]);
    // The same labels are fine when every step is labelled on its own.
    expect(payloadSchemaFor(steps(), ids, counts).safeParse({ steps: { r1: [1, -1, 1, -1], r2: [1, 1] } }).success).toBe(true);
  });
});

describe("native import of explicit steps", () => {
  it("stores the steps as given and the text as the steps joined by blank lines", () => {
    const line = JSON.stringify({ id: "p1", prompt: "2+2?", responses: [{ steps: ["2+2 = 4.", "So 4."] }, { content: "4" }] });
    const record = parseNativeLine(line, 1);
    if (!("item" in record)) throw new Error(JSON.stringify(record.problems));
    expect(record.item.responses).toEqual([
      { externalId: "1", model: null, contentKind: "text", content: "2+2 = 4.\n\nSo 4.", steps: ["2+2 = 4.", "So 4."] },
      { externalId: "2", model: null, contentKind: "text", content: "4" },
    ]);
  });

  it("refuses steps next to content, an empty step list and an empty step, naming the field", () => {
    const problems = (response: unknown) => {
      const record = parseNativeLine(JSON.stringify({ prompt: "q", responses: [response] }), 3);
      return "problems" in record ? record.problems : [];
    };
    expect(problems({ steps: ["a"], content: "a" })[0]).toMatchObject({ line: 3, field: "responses.0" });
    expect(problems({ steps: [] })[0]).toMatchObject({ line: 3, field: "responses.0.steps" });
    expect(problems({ steps: ["a", "  "] })[0]).toMatchObject({ line: 3, field: "responses.0.steps.1" });
  });
});

/** Presses keys as the screen does, through the steps key map, from the task's draft. */
function press(template: StepsTask, ids: string[], sequence: string) {
  let answer = STEPS.fromDraft(null, template, ids);
  for (const key of sequence.split(" ")) {
    const binding = bindingFor(STEPS.keys(template, ids), key);
    if (!binding) continue;
    answer = STEPS.afterKey(binding.id, key, answer, template, ids) ?? answer;
  }
  return answer;
}

describe("the step-label keys", () => {
  const five = { id: "r", content: "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive." };
  const task = (mode: string) =>
    withKind(steps({ mode }), (_kind, t) => t as unknown as StepsTask, [five]);

  it("1 2 3 label +1 / 0 / −1 and move on; j and k move between steps", () => {
    const t = task("per_step");
    const answer = press(t, ["r"], "1 2 3 k k 1 1 k j 1");
    expect(STEPS.problem(answer, t, ["r"])).toBeNull();
    expect(STEPS.toPayload(answer, t, ["r"])).toEqual({ steps: { r: [1, 1, -1, 1, 1] } });
    const partial = press(t, ["r"], "1 1");
    expect(STEPS.problem(partial, t, ["r"])).toBe("Label every step (2 of 5 labelled)");
  });

  it("in first_error mode a −1 fills every later step, and taking it back opens them again", () => {
    const t = task("first_error");
    const marked = press(t, ["r"], "1 1 3");
    expect(STEPS.problem(marked, t, ["r"])).toBeNull();
    expect(STEPS.toPayload(marked, t, ["r"])).toEqual({ steps: { r: [1, 1, -1, -1, -1] } });
    const takenBack = press(t, ["r"], "1 1 3 k 1");
    expect(takenBack.labels.r).toEqual([1, 1, 1, null, null]);
    // A step after the first error stays wrong.
    const after = press(t, ["r"], "1 3 j j 1");
    expect(after.labels.r).toEqual([1, -1, -1, -1, -1]);
  });

  it("a draft or a stored payload comes back as far as it fits the steps", () => {
    const t = task("per_step");
    const restored = STEPS.fromDraft({ labels: { r: [1, 0, null, 5] }, rationale: "x" }, t, ["r"]);
    expect(restored.labels.r).toEqual([1, 0, null, null, null]);
    expect(restored.cursor).toBe(2);
    expect(STEPS.fromDraft({ steps: { r: [1, 1, 1, 1, -1] } }, t, ["r"]).labels.r).toEqual([1, 1, 1, 1, -1]);
    expect(STEPS.toDraft(STEPS.fromDraft(null, t, ["r"]))).toBeNull();
  });
});
