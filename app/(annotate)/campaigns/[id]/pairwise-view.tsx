import { ResponseToolbar, useDiffOf } from "@/app/_components/content/response-toolbar";
import { ScrollSyncGroup } from "@/app/_components/content/scroll-sync";
import { ResponseContent } from "@/app/_components/response-content";
import type { PairwiseTemplate } from "@/server/services/campaigns/template-config";
import type { TaskViewProps } from "./answer-kind";
import { Conversation } from "./conversation";
import { hintOf, shortcutOf } from "./key-map";
import { verdictOptions, type PairwiseAnswer } from "./pairwise-answer";
import { RationaleAndFlags } from "./rationale-flags";
import { StrengthAndCriteria } from "./strength-criteria";
import { ErrorLine, SubmitBar } from "./task-bar";

const SLOT_LABELS = ["A", "B"] as const;

export type PairwiseViewProps = TaskViewProps<PairwiseTemplate, PairwiseAnswer>;

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
            aria-keyshortcuts={shortcutOf(props.keys, `verdict:${o.value}`)}
            onClick={() => set({ choice: o.value })}
            className={`btn ${answer.choice === o.value ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
          >
            {o.label} <span className="kbd">{hintOf(props.keys, `verdict:${o.value}`)}</span>
          </button>
        ))}
        <SubmitBar {...props} showProblem={answer.choice !== null} />
      </div>
      <ErrorLine error={props.error} />
    </article>
  );
}

/** Strength, criteria, rationale and flags: shown only when the template asks for them. */
function TemplateExtras({
  template,
  answer,
  responses,
  keys,
  preferred,
  set,
}: PairwiseViewProps & { preferred: boolean; set: (patch: Partial<PairwiseAnswer>) => void }) {
  const hasExtras =
    template.strength ||
    template.criteria.length > 0 ||
    template.flags.length > 0 ||
    template.rationale.required;
  if (!hasExtras) return null;
  return (
    <>
      {(template.strength || template.criteria.length > 0) && (
        <div className="card space-y-3 text-sm">
          <StrengthAndCriteria
            template={template}
            value={answer}
            ids={responses.map((r) => r.id)}
            keys={keys}
            preferred={preferred}
            focused
            onSet={set}
          />
        </div>
      )}
      <RationaleAndFlags
        template={template}
        rationale={answer.rationale}
        flags={answer.flags}
        onChange={(patch) => set(patch)}
      />
    </>
  );
}
