"use client";

import type { RouterOutputs } from "@/app/_trpc/types";
import { suggestionText } from "./suggestion-hint";
import type { SubmittedAnswer } from "./template-task";

export type RevealedSuggestion = NonNullable<RouterOutputs["task"]["submit"]["suggestion"]>;

/**
 * The model's verdict on the task just answered, revealed only once the answer is stored (an
 * `after_submit` campaign). It sits above the next task and names the previous one, in plain
 * slate, so it cannot pass for a hint about the task below it.
 */
export function RevealedSuggestionNote({ done, suggestion }: { done: SubmittedAnswer; suggestion: RevealedSuggestion }) {
  const responseIds = done.task.responses.map((r) => r.id);
  const { template } = done.task;
  const suggested = suggestionText(suggestion.payload, template, responseIds);
  const given = suggestionText(done.payload as Record<string, unknown>, template, responseIds);
  const verdict = suggestion.agreed === null ? "" : suggestion.agreed ? "You agreed." : "You disagreed.";
  return (
    <section
      role="status"
      aria-label="Model suggestion on your previous answer"
      data-testid="revealed-suggestion"
      className="mb-4 rounded-md border border-slate-300 bg-slate-50 px-4 py-2 text-sm text-slate-800"
    >
      <span className="font-semibold">Previous task:</span> you answered {given}. The model judge{" "}
      {suggestion.judge} suggested <span className="font-semibold">{suggested}</span>. {verdict}
    </section>
  );
}
