"use client";

import { setViewPref, toggleDiff, useViewPrefs } from "./view-prefs";

interface Comparable {
  content: string;
  contentKind?: string;
}

/** A word diff needs exactly two written responses (not images or audio). */
export function canDiff(responses: Comparable[]): boolean {
  return (
    responses.length === 2 &&
    responses.every((r) => (r.contentKind ?? "text") === "text" || r.contentKind === "code")
  );
}

/** The `diff` prop of ResponseContent for response `index` of a pair, when the diff is on. */
export function useDiffOf(responses: Comparable[]) {
  const { diff } = useViewPrefs();
  return (index: number) => {
    if (!diff || !canDiff(responses)) return undefined;
    const other = responses[1 - index]?.content ?? "";
    return { other, side: index === 0 ? ("first" as const) : ("second" as const) };
  };
}

/** Word diff (`d`) and synchronized scrolling, above the responses of a pair. */
export function ResponseToolbar({ responses }: { responses: Comparable[] }) {
  const prefs = useViewPrefs();
  if (!canDiff(responses)) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm"
      role="group"
      aria-label="Response view"
    >
      <button
        type="button"
        className="btn"
        aria-pressed={prefs.diff}
        aria-keyshortcuts="d"
        onClick={toggleDiff}
      >
        Word diff <span className="kbd">d</span>
      </button>
      <button
        type="button"
        className="btn"
        aria-pressed={prefs.syncScroll}
        onClick={() => setViewPref("syncScroll", !prefs.syncScroll)}
      >
        Sync scrolling
      </button>
    </div>
  );
}
