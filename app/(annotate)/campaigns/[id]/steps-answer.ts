import { STEP_LABELS, setStepLabel, type StepLabel } from "@/server/domain/steps";
import type { StepsTemplate } from "@/server/services/campaigns/template-config";
import { FLAGS, SUBMIT, type KeyBinding } from "./key-map";
import { rationaleProblem } from "./ranking-answer";

/** A steps template with the steps of the task's responses (by response id), as the screen cuts them. */
export type StepsTask = StepsTemplate & { responseSteps: Record<string, string[]> };

/** What the annotator has labelled so far (null = not yet); also the autosaved draft. */
export interface StepsAnswer {
  labels: Record<string, (StepLabel | null)[]>;
  /** The focused step, counted over every response's steps in display order. */
  cursor: number;
  rationale: string;
  flags: string[];
}

export interface StepRow {
  responseId: string;
  step: number;
}

export function stepRows(t: StepsTask, responseIds: string[]): StepRow[] {
  return responseIds.flatMap((responseId) =>
    (t.responseSteps[responseId] ?? []).map((_, step) => ({ responseId, step })),
  );
}

/** The digit keys and the label each sets, in key order: 1 = +1, 2 = 0, 3 = −1. */
export const STEP_LABEL_KEYS = STEP_LABELS.map((label, i) => ({ key: String(i + 1), label }));
export const STEP_LABEL_NAMES: Record<StepLabel, string> = { 1: "good", 0: "neutral", [-1]: "wrong" };
export const stepLabelText = (label: StepLabel) => (label > 0 ? "+1" : label < 0 ? "−1" : "0");

export function stepsKeys(t: StepsTask): KeyBinding[] {
  const fill = t.mode === "first_error" ? "; every later step follows" : "";
  return [
    { id: "next-step", keys: ["j"], label: "Next step" },
    { id: "prev-step", keys: ["k"], label: "Previous step" },
    ...STEP_LABEL_KEYS.map(({ key, label }) => ({
      id: `label:${label}`,
      keys: [key],
      label: `Label the focused step ${stepLabelText(label)} (${STEP_LABEL_NAMES[label]})${label < 0 ? fill : ""}`,
    })),
    SUBMIT,
    ...(t.flags.length ? [FLAGS] : []),
  ];
}

/** The answer with one step labelled; the focus moves to the next step still open. */
export function labelStep(a: StepsAnswer, t: StepsTask, rows: StepRow[], index: number, label: StepLabel): StepsAnswer {
  const row = rows[index];
  if (!row) return a;
  const current = a.labels[row.responseId] ?? [];
  const labels = { ...a.labels, [row.responseId]: setStepLabel(current, row.step, label, t.mode) };
  const open = rows.findIndex((r, i) => i > index && (labels[r.responseId]?.[r.step] ?? null) === null);
  return { ...a, labels, cursor: open >= 0 ? open : Math.min(index + 1, rows.length - 1) };
}

export function stepsAfterKey(id: string, _key: string, a: StepsAnswer, t: StepsTask, ids: string[]): StepsAnswer | null {
  const rows = stepRows(t, ids);
  if (id === "next-step") return a.cursor < rows.length - 1 ? { ...a, cursor: a.cursor + 1 } : null;
  if (id === "prev-step") return a.cursor > 0 ? { ...a, cursor: a.cursor - 1 } : null;
  const label = STEP_LABELS.find((l) => id === `label:${l}`);
  return label === undefined ? null : labelStep(a, t, rows, a.cursor, label);
}

const isLabel = (v: unknown): v is StepLabel => STEP_LABELS.some((l) => l === v);

/** A draft (`labels`) or a stored payload (`steps`), as far as it fits these responses' steps. */
export function stepsFromDraft(draft: unknown, t: StepsTask, ids: string[]): StepsAnswer {
  const d = (draft ?? {}) as Record<string, unknown>;
  const source = (d.labels ?? d.steps ?? {}) as Record<string, unknown>;
  const labels: StepsAnswer["labels"] = {};
  for (const id of ids) {
    const count = t.responseSteps[id]?.length ?? 0;
    const given = Array.isArray(source[id]) ? (source[id] as unknown[]) : [];
    labels[id] = Array.from({ length: count }, (_, i) => (isLabel(given[i]) ? given[i] : null));
  }
  const rows = stepRows(t, ids);
  const open = rows.findIndex((r) => labels[r.responseId]?.[r.step] === null);
  return {
    labels,
    cursor: open >= 0 ? open : Math.max(0, rows.length - 1),
    rationale: typeof d.rationale === "string" ? d.rationale : "",
    flags: Array.isArray(d.flags) ? d.flags.filter((f): f is string => typeof f === "string" && t.flags.includes(f)) : [],
  };
}

export const labelledCount = (a: StepsAnswer, rows: StepRow[]) =>
  rows.filter((r) => (a.labels[r.responseId]?.[r.step] ?? null) !== null).length;

export function stepsProblem(a: StepsAnswer, t: StepsTask, ids: string[]): string | null {
  const rows = stepRows(t, ids);
  const done = labelledCount(a, rows);
  if (done < rows.length) return `Label every step (${done} of ${rows.length} labelled)`;
  return rationaleProblem(a.rationale, t);
}

export function stepsToPayload(a: StepsAnswer, _t: StepsTask, ids: string[]) {
  const rationale = a.rationale.trim();
  return {
    steps: Object.fromEntries(ids.map((id) => [id, (a.labels[id] ?? []).map((l) => l ?? 0)])),
    ...(rationale ? { rationale } : {}),
    ...(a.flags.length > 0 ? { flags: a.flags } : {}),
  };
}

export function stepsToDraft(a: StepsAnswer): StepsAnswer | null {
  const touched = Object.values(a.labels).some((ls) => ls.some((l) => l !== null)) || a.rationale !== "" || a.flags.length > 0;
  return touched ? a : null;
}
