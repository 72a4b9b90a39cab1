"use client";

import { ResponseContent } from "@/app/_components/response-content";
import type { RatingTemplate } from "@/server/services/campaigns/template-config";
import type { TaskViewProps } from "./answer-kind";
import { Conversation } from "./conversation";
import { hintOf } from "./key-map";
import { RationaleAndFlags } from "./rationale-flags";
import { orderKeys } from "./ranking-answer";
import { OrderControls, responseLabel } from "./ranking-view";
import { RATING_ORDER_RULES, ratingRows, setRating, type RatingAnswer, type RatingRow } from "./rating-answer";
import { ErrorLine, SubmitBar } from "./task-bar";

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The rating screen: every response with its attribute rows, then the preference if any. */
export function RatingView(props: TaskViewProps<RatingTemplate, RatingAnswer>) {
  const { template, answer, onChange } = props;
  const ids = props.responses.map((r) => r.id);
  const rows = ratingRows(template, ids);
  const prefRow = rows.length;
  const off = props.closed || props.submitting;
  return (
    <article aria-label={props.label ?? "Task"} data-assignment-id={props.assignmentId} className="@container space-y-4">
      <Conversation messages={props.prompt} />
      <p className="text-sm text-slate-600">
        Move between rows with <span className="kbd">{hintOf(props.keys, "next-row")}</span> and{" "}
        <span className="kbd">{hintOf(props.keys, "prev-row")}</span>; a digit rates the focused row.
      </p>
      <div className={`grid gap-4 ${ids.length > 1 ? "@2xl:grid-cols-2" : ""} ${ids.length > 2 ? "@6xl:grid-cols-3" : ""}`}>
        {props.responses.map((response, index) => (
          <section key={response.id} aria-label={responseLabel(index)} className="card @container min-w-0 space-y-3">
            <h2 className="text-sm font-semibold text-slate-500">{responseLabel(index)}</h2>
            <ResponseContent response={response} />
            <div className="space-y-1 border-t border-slate-200 pt-2">
              {rows.map((row, r) =>
                row.responseId === response.id ? (
                  <LikertRow
                    key={row.attribute.name}
                    label={`${responseLabel(index)} ${row.attribute.name}`}
                    row={row}
                    value={answer.ratings[row.responseId]?.[row.attribute.name]}
                    focused={answer.cursor === r}
                    disabled={off}
                    onPick={(v) => onChange(setRating(answer, row, v, r))}
                  />
                ) : null,
              )}
            </div>
          </section>
        ))}
      </div>
      <div className="card space-y-3" role="group" aria-label="Your verdict">
        {template.then && (
          <div
            aria-current={answer.cursor === prefRow ? "true" : undefined}
            className={`rounded-md p-2 ${answer.cursor === prefRow ? "ring-2 ring-indigo-500" : ""}`}
          >
            {template.then === "pairwise" ? (
              <div role="radiogroup" aria-label="Best response" className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-medium">Which response is best?</span>
                {props.responses.map((r, i) => (
                  <button
                    key={r.id}
                    type="button"
                    role="radio"
                    aria-checked={answer.choice === r.id}
                    disabled={off}
                    className={`btn ${answer.choice === r.id ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
                    onClick={() => onChange({ ...answer, choice: r.id, cursor: prefRow })}
                  >
                    {responseLabel(i)} <span className="kbd">{i + 1}</span>
                  </button>
                ))}
              </div>
            ) : (
              <OrderControls
                answer={answer.order}
                responseIds={ids}
                rules={RATING_ORDER_RULES}
                keys={orderKeys(RATING_ORDER_RULES, ids.length)}
                disabled={off}
                onChange={(order) => onChange({ ...answer, order, cursor: prefRow })}
              />
            )}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <SubmitBar {...props} showProblem={Object.keys(answer.ratings).length > 0} />
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

function LikertRow({
  label,
  row,
  value,
  focused,
  disabled,
  onPick,
}: {
  label: string;
  row: RatingRow;
  value: number | undefined;
  focused: boolean;
  disabled?: boolean;
  onPick: (value: number) => void;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      aria-current={focused ? "true" : undefined}
      data-testid="rating-row"
      className={`flex flex-wrap items-center gap-1 rounded-md p-1 ${focused ? "bg-indigo-50 ring-2 ring-indigo-500" : ""}`}
    >
      <span className="w-full text-sm font-medium capitalize @sm:mr-auto @sm:w-auto">{row.attribute.name}</span>
      {range(row.attribute.min, row.attribute.max).map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          aria-label={`${v}`}
          disabled={disabled}
          onClick={() => onPick(v)}
          className={`min-h-11 min-w-11 rounded-md border text-sm ${
            value === v ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300"
          }`}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
