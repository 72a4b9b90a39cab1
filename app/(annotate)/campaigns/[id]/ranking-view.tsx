"use client";

import { ResponseContent } from "@/app/_components/response-content";
import type { RankingTemplate } from "@/server/services/campaigns/template-config";
import type { TaskViewProps } from "./answer-kind";
import { Conversation } from "./conversation";
import { hintOf, shortcutOf, type KeyBinding } from "./key-map";
import { RationaleAndFlags } from "./rationale-flags";
import {
  ordinal,
  orderAfterKey,
  reorderAll,
  type OrderRules,
  type RankingAnswer,
} from "./ranking-answer";
import { RankingTray, type TrayRow } from "./ranking-tray";
import { ErrorLine, SubmitBar } from "./task-bar";

export const responseLabel = (index: number) => `Response ${index + 1}`;

/** The tray's rows: placed responses best first, then the others in display order. */
function trayRows(answer: RankingAnswer, responseIds: string[]): TrayRow[] {
  const label = (id: string) => responseLabel(responseIds.indexOf(id));
  const placed = answer.groups.flatMap((group, g) =>
    group.map((id, i) => ({
      id,
      label: label(id),
      place: i > 0 ? `tied ${ordinal(g + 1)}` : ordinal(g + 1),
      placed: true,
    })),
  );
  const rest = responseIds
    .filter((id) => !answer.groups.some((g) => g.includes(id)))
    .map((id) => ({ id, label: label(id), place: "not placed yet", placed: false }));
  return [...placed, ...rest];
}

/** The ranking step: order buttons (each showing its key) and the sortable tray. */
export function OrderControls({
  answer,
  responseIds,
  rules,
  keys,
  disabled,
  onChange,
}: {
  answer: RankingAnswer;
  responseIds: string[];
  rules: OrderRules;
  keys: KeyBinding[];
  disabled?: boolean;
  onChange: (a: RankingAnswer) => void;
}) {
  const press = (id: string, key: string) => {
    const next = orderAfterKey(id, key, answer, rules, responseIds);
    if (next) onChange(next);
  };
  const button = (id: string, label: string, pressed?: boolean) =>
    shortcutOf(keys, id) ? (
      <button
        type="button"
        className={`btn ${pressed ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
        aria-keyshortcuts={shortcutOf(keys, id)}
        aria-pressed={pressed}
        disabled={disabled}
        onClick={() => press(id, keys.find((k) => k.id === id)?.keys[0] ?? "")}
      >
        {label} <span className="kbd">{hintOf(keys, id)}</span>
      </button>
    ) : null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Type the response numbers best first (<span className="kbd">{hintOf(keys, "place")}</span>), or
        drag the rows; dragging places every response.
        {answer.tiePending && <strong className="ml-1">The next one ties with the previous.</strong>}
      </p>
      {answer.notRankable ? (
        <p role="status" className="font-medium">
          None of the responses is acceptable.
        </p>
      ) : (
        <RankingTray
          rows={trayRows(answer, responseIds)}
          disabled={disabled}
          onReorder={(order, moved) => onChange(reorderAll(answer, order, moved))}
        />
      )}
      <div className="flex flex-wrap gap-2">
        {button("undo", "Take back")}
        {button("tie", "Tie with previous", answer.tiePending)}
        {button("none", "None is acceptable", answer.notRankable)}
      </div>
    </div>
  );
}

/** The ranking screen, with no data fetching or key listener (the preview reuses it). */
export function RankingView(props: TaskViewProps<RankingTemplate, RankingAnswer>) {
  const { template, answer, onChange } = props;
  const ids = props.responses.map((r) => r.id);
  const rules = { allowTies: template.allow_ties, allowNone: template.allow_not_rankable };
  const rankOf = (id: string) => answer.groups.findIndex((g) => g.includes(id));
  return (
    <article aria-label={props.label ?? "Task"} data-assignment-id={props.assignmentId} className="@container space-y-4">
      <Conversation messages={props.prompt} />
      <div className="grid gap-4 @2xl:grid-cols-2 @6xl:grid-cols-3">
        {props.responses.map((response, index) => (
          <section
            key={response.id}
            aria-label={responseLabel(index)}
            className={`card min-w-0 ${rankOf(response.id) >= 0 ? "ring-2 ring-indigo-400" : ""}`}
          >
            <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-500">
              <span className="kbd">{index + 1}</span> {responseLabel(index)}
              {rankOf(response.id) >= 0 && (
                <span className="ml-auto text-indigo-700">{ordinal(rankOf(response.id) + 1)}</span>
              )}
            </h2>
            <ResponseContent response={response} />
          </section>
        ))}
      </div>
      <div className="card space-y-3" role="group" aria-label="Your verdict">
        <OrderControls
          answer={answer}
          responseIds={ids}
          rules={rules}
          keys={props.keys}
          disabled={props.closed || props.submitting}
          onChange={onChange}
        />
        <div className="flex flex-wrap items-center gap-2">
          <SubmitBar {...props} showProblem={answer.groups.length > 0} />
        </div>
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
