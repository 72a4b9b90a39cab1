"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { PROGRESS_COUNT_LIMIT } from "@/server/services/assignment/progress-limit";
import { SCREEN_KEYS, hintOf, shortcutOf } from "./key-map";

/** The campaign's name, the server's counters, and the screen's own buttons. */
export function ScreenHeader({
  campaignId,
  ready,
  canEdit,
  guidelinesOpen,
  onEdit,
  onGuidelines,
  onHelp,
}: {
  campaignId: string;
  /**
   * False until the first claim is answered: a count read while that claim is in flight would
   * miss its lease, and a refresh would only join that read instead of starting a new one.
   */
  ready: boolean;
  canEdit: boolean;
  guidelinesOpen: boolean;
  onEdit: () => void;
  onGuidelines: () => void;
  onHelp: () => void;
}) {
  const trpc = useTRPC();
  const [started, setStarted] = useState(ready);
  if (ready && !started) setStarted(true);
  const progress = useQuery({ ...trpc.task.progress.queryOptions({ campaignId }), enabled: started });
  const p = progress.data;
  const button = (id: string, label: string, onClick: () => void, extra?: object) => (
    <button
      type="button"
      className="btn"
      aria-keyshortcuts={shortcutOf(SCREEN_KEYS, id)}
      onClick={onClick}
      {...extra}
    >
      {label} <span className="kbd">{hintOf(SCREEN_KEYS, id)}</span>
    </button>
  );
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <div className="mr-auto min-w-0">
        <h1 className="truncate text-lg font-semibold">{p?.campaignName ?? "\u00a0"}</h1>
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="progress">
          {p
            ? `${p.doneToday} done today${p.dailyCap !== null ? ` of ${p.dailyCap}` : ""} · ${
                p.left >= PROGRESS_COUNT_LIMIT ? `${PROGRESS_COUNT_LIMIT}+` : p.left
              } left in the campaign`
            : "\u00a0"}
        </p>
      </div>
      {canEdit && button("edit", "Edit previous", onEdit)}
      {button("guidelines", "Guidelines", onGuidelines, { "aria-expanded": guidelinesOpen })}
      {button("help", "Keyboard shortcuts", onHelp)}
    </div>
  );
}
