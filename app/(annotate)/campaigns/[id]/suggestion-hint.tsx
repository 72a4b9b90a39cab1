"use client";

import type { ClaimedTask } from "@/app/_trpc/types";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { describeExpected } from "./gold-feedback-text";
import { ACCEPT_SUGGESTION, hintOf, shortcutOf } from "./key-map";

type ShownSuggestion = NonNullable<ClaimedTask["suggestion"]>;

/** "A is better", or a numbered order for a ranking: the suggestion in the screen's own words. */
export function suggestionText(payload: Record<string, unknown>, template: TemplateConfig, responseIds: string[]): string {
  return describeExpected(payload, template, responseIds).join(", ");
}

/**
 * A model's suggestion on the task (a `before_submit` campaign), set apart from everything the
 * annotator decides: a dashed violet box named "Model suggestion" that says whose opinion it
 * is. One key (y) takes it as the answer; answering as usual overrides it.
 */
export function SuggestionHint({
  suggestion,
  template,
  responseIds,
  disabled,
  onAccept,
}: {
  suggestion: ShownSuggestion;
  template: TemplateConfig;
  responseIds: string[];
  disabled: boolean;
  onAccept: () => void;
}) {
  const text = suggestionText(suggestion.payload, template, responseIds);
  return (
    <aside
      aria-label="Model suggestion"
      data-testid="suggestion-hint"
      className="suggestion-hint mb-4 flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed border-violet-400 bg-violet-50 px-4 py-3 text-sm text-violet-950"
    >
      <span aria-hidden="true" className="rounded bg-violet-600 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">
        Model
      </span>
      <p className="min-w-[12rem] flex-1">
        <span className="font-semibold">Model suggestion: {text}</span>
        <span className="block text-xs text-violet-800">
          The opinion of the judge {suggestion.judge}, not a checked answer. Read both responses, then accept it
          or answer as you see it.
        </span>
      </p>
      <button
        type="button"
        className="btn border-violet-400"
        aria-label={`Accept the model suggestion: ${text}`}
        aria-keyshortcuts={shortcutOf([ACCEPT_SUGGESTION], ACCEPT_SUGGESTION.id)}
        disabled={disabled}
        onClick={onAccept}
      >
        Accept suggestion <span className="kbd">{hintOf([ACCEPT_SUGGESTION], ACCEPT_SUGGESTION.id)}</span>
      </button>
    </aside>
  );
}
