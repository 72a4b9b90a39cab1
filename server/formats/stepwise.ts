import type { Message } from "./messages";
import type { ParquetOptions } from "./parquet-writer";
import { exportedPrompt } from "./ranking-pairs";

/**
 * Step labels (DESIGN §16) as files. `trl-stepwise` is TRL's stepwise supervision
 * (`PRMTrainer`): one boolean per step, true only for a +1 — a neutral 0 step is not counted
 * as correct, the conservative reading (a process reward model should not learn that a step
 * that adds nothing is good). `steps` keeps every annotator's raw +1 / 0 / −1, one row per
 * step, in PRM800K's rating scale.
 */

export interface StepItem {
  externalId: string;
  prompt: Message[];
  promptFormat: "text" | "messages";
}

export interface StepResponse {
  id: string;
  externalId: string;
  model: string | null;
  /** The steps as the annotators saw them. */
  steps: readonly string[];
}

export interface StepJudgement {
  id: string;
  /** A stable pseudonym, never the user id. */
  annotator: string;
  /** Response id → one label per step. */
  labels: Readonly<Record<string, readonly number[]>>;
}

export type TrlStepwiseRow = {
  prompt: string | Message[];
  completions: string[];
  labels: boolean[];
};

export const TRL_STEPWISE_COLUMNS: NonNullable<ParquetOptions["columns"]> = [
  "prompt",
  { name: "completions", type: "json" },
  { name: "labels", type: "json" },
];

/** A judgement's labels for a response, when they fit its steps (else the judgement is left out for it). */
function labelsFor(j: StepJudgement, r: StepResponse): readonly number[] | null {
  const labels = j.labels[r.id];
  return labels && labels.length === r.steps.length ? labels : null;
}

/**
 * `none`: one row per judgement and response. `majority`: one row per response, a step true
 * when more than half of the annotators who labelled it gave it +1.
 */
export function toTrlStepwiseRows(
  item: StepItem,
  responses: readonly StepResponse[],
  judgements: readonly StepJudgement[],
  aggregation: "none" | "majority",
): TrlStepwiseRow[] {
  const prompt = exportedPrompt(item);
  const rows: TrlStepwiseRow[] = [];
  for (const response of responses) {
    const given = judgements.map((j) => labelsFor(j, response)).filter((l): l is readonly number[] => l !== null);
    if (given.length === 0) continue;
    const completions = [...response.steps];
    if (aggregation === "none") {
      for (const labels of given) rows.push({ prompt, completions, labels: labels.map((l) => l === 1) });
    } else {
      const labels = completions.map((_, step) => given.filter((l) => l[step] === 1).length * 2 > given.length);
      rows.push({ prompt, completions, labels });
    }
  }
  return rows;
}

/** One step with every annotator's rating of it (PRM800K's 1 / 0 / −1). */
export type StepsRow = {
  id: string;
  response_id: string;
  model: string | null;
  prompt: string | Message[];
  /** 0-based position of the step in the response. */
  step_index: number;
  step: string;
  labels: { annotator: string; judgement_id: string; rating: number }[];
};

export const STEPS_COLUMNS: NonNullable<ParquetOptions["columns"]> = [
  { name: "id", type: "string" },
  { name: "response_id", type: "string" },
  { name: "model", type: "string" },
  "prompt",
  { name: "step_index", type: "int" },
  { name: "step", type: "string" },
  { name: "labels", type: "json" },
];

export function toStepsRows(
  item: StepItem,
  responses: readonly StepResponse[],
  judgements: readonly StepJudgement[],
): StepsRow[] {
  const prompt = exportedPrompt(item);
  return responses.flatMap((response) =>
    response.steps.map((step, index) => ({
      id: item.externalId,
      response_id: response.externalId,
      model: response.model,
      prompt,
      step_index: index,
      step,
      labels: judgements.flatMap((j) => {
        const rating = labelsFor(j, response)?.[index];
        return rating === undefined ? [] : [{ annotator: j.annotator, judgement_id: j.id, rating }];
      }),
    })),
  );
}
