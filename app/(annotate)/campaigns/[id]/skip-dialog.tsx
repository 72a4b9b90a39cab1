"use client";

import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { isTextEntry } from "./use-keys";

export const SKIP_REASONS = [
  { key: "1", reason: "Outside my expertise" },
  { key: "2", reason: "Broken or unreadable content" },
  { key: "3", reason: "Unsafe or disturbing content" },
  { key: "4", reason: "The prompt is unclear" },
] as const;

/** Skipping needs a reason (DESIGN §6): a number key picks a preset one, or type your own. */
export function SkipDialog({
  onSkip,
  onClose,
  pending,
  error,
}: {
  onSkip: (reason: string) => void;
  onClose: () => void;
  pending: boolean;
  error: string | null;
}) {
  const [other, setOther] = useState("");
  const skip = (reason: string) => {
    if (!pending && reason.trim()) onSkip(reason.trim());
  };
  return (
    <Dialog
      title="Skip this task?"
      onClose={onClose}
      onKeyDown={(event) => {
        if (isTextEntry(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
        const preset = SKIP_REASONS.find((r) => r.key === event.key);
        if (preset) {
          event.preventDefault();
          skip(preset.reason);
        }
      }}
    >
      <p className="mb-3 text-sm text-slate-600">
        It will not come back to you. Why are you skipping it?
      </p>
      <div className="flex flex-col gap-2" role="group" aria-label="Reasons">
        {SKIP_REASONS.map((r) => (
          <button
            key={r.key}
            type="button"
            className="btn justify-between"
            aria-keyshortcuts={r.key}
            disabled={pending}
            onClick={() => skip(r.reason)}
          >
            {r.reason} <span className="kbd">{r.key}</span>
          </button>
        ))}
      </div>
      <form
        className="mt-3 flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          skip(other);
        }}
      >
        <label className="block flex-1 text-sm font-medium">
          Other reason
          <input
            className="input mt-1"
            maxLength={500}
            value={other}
            onChange={(e) => setOther(e.currentTarget.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={pending || !other.trim()}>
          Skip task
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </Dialog>
  );
}
