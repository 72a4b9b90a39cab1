import type { ReactNode } from "react";
import type { ContentKind } from "@/db/schema/items";
import { ResponseToolbar, useDiffOf } from "@/app/_components/content/response-toolbar";
import { ScrollSyncGroup } from "@/app/_components/content/scroll-sync";
import { ResponseContent } from "@/app/_components/response-content";
import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import { Conversation } from "./conversation";
import { STRENGTH_OPTIONS, verdictOptions, type PairwiseAnswer } from "./pairwise-answer";

const SLOT_LABELS = ["A", "B"] as const;

export interface PairwiseViewProps {
  assignmentId?: string;
  /** The article's accessible name; the edit of a previous answer is not "Task". */
  label?: string;
  prompt: { role: string; content: string }[];
  responses: { id: string; content: string; contentKind?: ContentKind }[];
  template: PairwiseTemplate | null;
  answer: PairwiseAnswer;
  onChange: (answer: PairwiseAnswer) => void;
  onSubmit: () => void;
  /** Why Submit is disabled, shown next to it; null when the answer is complete. */
  problem: string | null;
  submitting: boolean;
  error?: string | null;
  /** Set when submitting again cannot help (e.g. the task was given away): Submit stays off. */
  closed?: boolean;
  /** More controls for the verdict bar (skip, cancel, next task), each showing its key. */
  actions?: ReactNode;
}

/**
 * The pairwise screen itself, with no data fetching or keyboard listener: the annotate page
 * wraps it with both, and the campaign settings show it as a live preview of the template.
 */
export function PairwiseView(props: PairwiseViewProps) {
  const { template, answer, onChange } = props;
  const options = verdictOptions(
    template,
    props.responses.map((r) => r.id),
  );
  const preferred = props.responses.some((r) => r.id === answer.choice);
  const set = (patch: Partial<PairwiseAnswer>) => onChange({ ...answer, ...patch });
  const diffOf = useDiffOf(props.responses);

  return (
    <article
      aria-label={props.label ?? "Task"}
      data-assignment-id={props.assignmentId}
      className="space-y-4"
    >
      <Conversation messages={props.prompt} />
      <ResponseToolbar responses={props.responses} />
      <ScrollSyncGroup>
        <div className="grid gap-4 md:grid-cols-2">
          {props.responses.map((response, index) => (
            <section
              key={response.id}
              aria-label={`Response ${SLOT_LABELS[index] ?? index + 1}`}
              className={`card min-w-0 ${answer.choice === response.id ? "ring-2 ring-indigo-500" : ""}`}
            >
              <h2 className="mb-2 text-sm font-semibold text-slate-500">
                Response {SLOT_LABELS[index]}
              </h2>
              <ResponseContent
                response={response}
                label={`Response ${SLOT_LABELS[index] ?? index + 1}`}
                diff={diffOf(index)}
              />
            </section>
          ))}
        </div>
      </ScrollSyncGroup>
      <TemplateExtras {...props} preferred={preferred} set={set} />
      <div
        className="card verdict-bar flex flex-wrap items-center gap-2"
        role="group"
        aria-label="Your verdict"
      >
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-label={o.label}
            aria-pressed={answer.choice === o.value}
            aria-keyshortcuts={o.key}
            onClick={() => set({ choice: o.value })}
            className={`btn ${answer.choice === o.value ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
          >
            {o.label} <span className="kbd">{o.key}</span>
          </button>
        ))}
        {props.problem && answer.choice && (
          <span className="text-xs text-slate-500">{props.problem}</span>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {props.actions}
          <button
            type="button"
            aria-label="Submit"
            aria-keyshortcuts="Enter"
            className="btn btn-primary"
            disabled={props.problem !== null || props.submitting || props.closed}
            onClick={props.onSubmit}
          >
            {props.submitting ? "Submitting…" : "Submit"} <span className="kbd">Enter</span>
          </button>
        </div>
      </div>
      {props.error && (
        <p role="alert" className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </article>
  );
}

/** Strength, criteria, rationale and flags: shown only when the template asks for them. */
function TemplateExtras({
  template,
  answer,
  responses,
  preferred,
  set,
}: PairwiseViewProps & { preferred: boolean; set: (patch: Partial<PairwiseAnswer>) => void }) {
  if (!template) return null;
  const rationaleMin = template.rationale.required ? Math.max(1, template.rationale.min_length) : 0;
  const hasExtras =
    template.strength ||
    template.criteria.length > 0 ||
    template.flags.length > 0 ||
    template.rationale.required;
  if (!hasExtras) return null;
  return (
    <div className="card space-y-3 text-sm">
      {template.strength && (
        <div
          role="group"
          aria-label="How much better"
          className="flex flex-wrap items-center gap-2"
        >
          <span className="font-medium">How much better?</span>
          {STRENGTH_OPTIONS.map((s) => (
            <button
              key={s.value}
              type="button"
              aria-pressed={answer.strength === s.value}
              aria-keyshortcuts={s.key}
              disabled={!preferred}
              onClick={() => set({ strength: s.value })}
              className={`btn ${answer.strength === s.value ? "border-indigo-600 bg-indigo-50" : ""}`}
            >
              {s.label} <span className="kbd">{s.key}</span>
            </button>
          ))}
        </div>
      )}
      {template.criteria.map((criterion) => (
        <fieldset key={criterion} className="flex flex-wrap items-center gap-3">
          <legend className="float-left mr-2 font-medium capitalize">{criterion}</legend>
          {[
            ...responses.map((r, i) => ({ value: r.id, label: `${SLOT_LABELS[i] ?? i + 1}` })),
            { value: "tie", label: "Tie" },
          ].map((o) => (
            <label key={o.value} className="flex items-center gap-1">
              <input
                type="radio"
                name={`criterion-${criterion}`}
                checked={answer.criteria[criterion] === o.value}
                onChange={() => set({ criteria: { ...answer.criteria, [criterion]: o.value } })}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      ))}
      {template.flags.length > 0 && (
        <fieldset data-flags className="flex flex-wrap items-center gap-3">
          <legend className="float-left mr-2 font-medium">
            Flags <span className="kbd">f</span>
          </legend>
          {template.flags.map((flag) => (
            <label key={flag} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={answer.flags.includes(flag)}
                onChange={(e) =>
                  set({
                    flags: e.currentTarget.checked
                      ? [...answer.flags, flag]
                      : answer.flags.filter((f) => f !== flag),
                  })
                }
              />
              {flag}
            </label>
          ))}
        </fieldset>
      )}
      <label className="block font-medium">
        Rationale{rationaleMin > 0 ? ` (at least ${rationaleMin} characters)` : " (optional)"}
        <textarea
          className="input mt-1"
          rows={2}
          value={answer.rationale}
          onChange={(e) => set({ rationale: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}
