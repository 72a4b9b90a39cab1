"use client";

import { useEffect, useRef } from "react";
import { Markdown } from "@/app/_components/markdown";
import { SCREEN_KEYS, SUBMIT } from "./key-map";
import { describeExpected, type GoldFeedback } from "./gold-feedback-text";
import type { SubmittedAnswer } from "./template-task";
import { useKeys } from "./use-keys";

export type { GoldFeedback } from "./gold-feedback-text";

/** Enter or n: the keys that move on from the feedback, taken from the screen's key map. */
const CONTINUE_KEYS = [...SUBMIT.keys, ...(SCREEN_KEYS.find((b) => b.id === "next")?.keys ?? [])];

/**
 * Shown after a gold item's answer was stored, when the campaign gives gold feedback: the
 * expected answer and the passage of the guidelines it rests on, until Enter or n moves on to
 * the next task (already fetched with the submit). The task stays below, as it was answered.
 */
export function GoldFeedbackPanel({
  feedback,
  done,
  active,
  onContinue,
  children,
}: {
  feedback: GoldFeedback;
  done: SubmittedAnswer;
  active: boolean;
  onContinue: () => void;
  children?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useKeys((key) => {
    if (!CONTINUE_KEYS.includes(key)) return false;
    onContinue();
    return true;
  }, active);
  const responseIds = done.task.responses.map((r) => r.id);
  const expected = describeExpected(feedback.expected, done.task.template, responseIds);
  // An answer without a verdict (ratings only) cannot be compared, so it is not restated.
  const given =
    feedback.agreed === null
      ? null
      : describeExpected(done.payload as GoldFeedback["expected"], done.task.template, responseIds);
  const verdict =
    feedback.agreed === null
      ? { text: "This was a check item", tone: "border-indigo-300 bg-indigo-50 text-indigo-950" }
      : feedback.agreed
        ? { text: "Check item: your answer matches the expected one", tone: "border-green-300 bg-green-50 text-green-950" }
        : { text: "Check item: the expected answer differs from yours", tone: "border-amber-300 bg-amber-50 text-amber-950" };

  return (
    <div className="space-y-3">
      <section aria-labelledby="gold-feedback-heading" className={`gold-feedback rounded-md border p-4 ${verdict.tone}`}>
        <h2 id="gold-feedback-heading" ref={heading} tabIndex={-1} className="text-base font-semibold outline-none">
          {verdict.text}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">Expected answer</dt>
          <Answer testId="gold-expected" lines={expected} />
          {given && (
            <>
              <dt className="font-medium">Your answer</dt>
              <Answer testId="gold-given" lines={given} />
            </>
          )}
        </dl>
        {feedback.explanation && (
          <div aria-label="Why" role="group" className="mt-3 rounded border border-slate-200 bg-white p-3 text-sm text-slate-900">
            <Markdown text={feedback.explanation} />
          </div>
        )}
        <div className="mt-3 flex justify-end">
          <button type="button" className="btn btn-primary" aria-keyshortcuts={CONTINUE_KEYS.join(" ")} onClick={onContinue}>
            Next task <span className="kbd">Enter</span>
          </button>
        </div>
      </section>
      {/* The task as it was answered, for reference (long responses can still be opened). */}
      <div className="answered-task">
        {children}
      </div>
    </div>
  );
}

function Answer({ lines, testId }: { lines: string[]; testId: string }) {
  return lines.length === 1 ? (
    <dd data-testid={testId}>{lines[0]}</dd>
  ) : (
    <dd data-testid={testId}>
      <ol>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </dd>
  );
}
