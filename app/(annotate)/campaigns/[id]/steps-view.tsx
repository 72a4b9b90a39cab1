"use client";

import { useEffect, useRef } from "react";
import { ResponseContent } from "@/app/_components/response-content";
import type { StepLabel } from "@/server/domain/steps";
import type { TaskViewProps } from "./answer-kind";
import { Conversation } from "./conversation";
import { hintOf, shortcutOf } from "./key-map";
import { RationaleAndFlags } from "./rationale-flags";
import { responseLabel } from "./ranking-view";
import {
  STEP_LABEL_KEYS,
  STEP_LABEL_NAMES,
  labelStep,
  stepLabelText,
  stepRows,
  type StepsAnswer,
  type StepsTask,
} from "./steps-answer";
import { ErrorLine, SubmitBar } from "./task-bar";

const LABEL_STYLE: Record<StepLabel, string> = {
  1: "border-green-700 bg-green-700 text-white",
  0: "border-slate-600 bg-slate-600 text-white",
  [-1]: "border-red-700 bg-red-700 text-white",
};

/** The step-label screen: each response as its numbered steps, each step with +1 / 0 / −1. */
export function StepsView(props: TaskViewProps<StepsTask, StepsAnswer>) {
  const { template, answer, onChange } = props;
  const ids = props.responses.map((r) => r.id);
  const rows = stepRows(template, ids);
  const off = props.closed || props.submitting;
  const focused = useRef<HTMLLIElement>(null);
  useEffect(() => {
    focused.current?.scrollIntoView?.({ block: "nearest" });
  }, [answer.cursor]);
  const mode =
    template.mode === "first_error"
      ? "Mark the first wrong step −1: every step after it counts as wrong too."
      : "Label every step.";
  return (
    <article aria-label={props.label ?? "Task"} data-assignment-id={props.assignmentId} className="@container space-y-4">
      <Conversation messages={props.prompt} />
      <p className="text-sm text-slate-600">
        {mode} Move with <span className="kbd">{hintOf(props.keys, "next-step")}</span> /{" "}
        <span className="kbd">{hintOf(props.keys, "prev-step")}</span>;{" "}
        {STEP_LABEL_KEYS.map(({ key, label }) => (
          <span key={key}>
            <span className="kbd">{key}</span> {stepLabelText(label)}{" "}
          </span>
        ))}
      </p>
      {props.responses.map((response, r) => (
        <section key={response.id} aria-label={responseLabel(r)} className="card min-w-0 space-y-2">
          <h2 className="text-sm font-semibold text-slate-500">{responseLabel(r)}</h2>
          <ol className="space-y-2">
            {(template.responseSteps[response.id] ?? []).map((step, s) => {
              const index = rows.findIndex((row) => row.responseId === response.id && row.step === s);
              const value = answer.labels[response.id]?.[s] ?? null;
              const isFocused = answer.cursor === index;
              const name = `${responseLabel(r)} step ${s + 1}`;
              return (
                <li
                  key={s}
                  ref={isFocused ? focused : undefined}
                  aria-label={name}
                  aria-current={isFocused ? "step" : undefined}
                  data-testid="step"
                  data-label={value ?? ""}
                  className={`flex flex-col gap-2 rounded-md border p-2 @2xl:flex-row @2xl:items-start ${
                    isFocused ? "border-indigo-500 ring-2 ring-indigo-500" : "border-slate-200"
                  }`}
                >
                  <span className="w-8 shrink-0 text-sm font-semibold text-slate-500">{s + 1}.</span>
                  <div className="min-w-0 flex-1">
                    <ResponseContent response={{ id: `${response.id}:${s}`, content: step }} label={name} />
                  </div>
                  <div role="radiogroup" aria-label={`Label of ${name}`} className="flex shrink-0 gap-1">
                    {STEP_LABEL_KEYS.map(({ key, label }) => (
                      <button
                        key={key}
                        type="button"
                        role="radio"
                        aria-checked={value === label}
                        aria-label={`${stepLabelText(label)} ${STEP_LABEL_NAMES[label]}`}
                        aria-keyshortcuts={isFocused ? shortcutOf(props.keys, `label:${label}`) : undefined}
                        disabled={off}
                        onClick={() => onChange(labelStep(answer, template, rows, index, label))}
                        className={`min-h-11 min-w-11 rounded-md border px-2 text-sm ${
                          value === label ? LABEL_STYLE[label] : "border-slate-300"
                        }`}
                      >
                        {stepLabelText(label)}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <div className="card flex flex-wrap items-center gap-2" role="group" aria-label="Your verdict">
        <SubmitBar {...props} showProblem={rows.some((row) => (answer.labels[row.responseId]?.[row.step] ?? null) !== null)} />
      </div>
      <RationaleAndFlags
        template={template}
        rationale={answer.rationale}
        flags={answer.flags}
        onChange={(patch) => onChange({ ...answer, ...patch })}
      />
      <ErrorLine error={props.error} />
    </article>
  );
}
