import type { ReactNode } from "react";
import { hintOf, shortcutOf, type KeyBinding } from "./key-map";

/** The end of every template's verdict bar: why Submit is off, the extra actions, Submit. */
export function SubmitBar({
  keys,
  problem,
  showProblem,
  submitting,
  closed,
  actions,
  onSubmit,
}: {
  keys: KeyBinding[];
  problem: string | null;
  showProblem: boolean;
  submitting: boolean;
  closed?: boolean;
  actions?: ReactNode;
  onSubmit: () => void;
}) {
  return (
    <>
      {problem && showProblem && <span className="text-xs text-slate-500">{problem}</span>}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {actions}
        <button
          type="button"
          aria-label="Submit"
          aria-keyshortcuts={shortcutOf(keys, "submit")}
          className="btn btn-primary"
          disabled={problem !== null || submitting || closed}
          onClick={onSubmit}
        >
          {submitting ? "Submitting…" : "Submit"} <span className="kbd">{hintOf(keys, "submit")}</span>
        </button>
      </div>
    </>
  );
}

export function ErrorLine({ error }: { error?: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  );
}
