"use client";

import { useState } from "react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { AdjudicationPanel } from "./adjudication-panel";

type Disputed = RouterOutputs["quality"]["agreement"]["disputed"];

/** The items whose judgements disagree most, each one click away from adjudication. */
export function DisputedList({ campaignId, disputed }: { campaignId: string; disputed: Disputed }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="disputed-heading">
      <h3 id="disputed-heading" className="mb-3 font-semibold">
        Most disputed items
      </h3>
      {disputed.length === 0 ? (
        <p className="text-sm text-slate-500">No item has disagreeing judgements.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {disputed.map((d) => (
            <li key={d.itemId} className="flex items-center justify-between gap-3 py-1.5">
              <span>
                <span className="font-mono">{d.externalId}</span> ·{" "}
                {Math.round(d.disagreement * 100)}% disagreement · {d.judgements} judgements
                {d.adjudicated && (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">
                    adjudicated
                  </span>
                )}
              </span>
              <button
                type="button"
                className="btn"
                aria-label={`Adjudicate ${d.externalId}`}
                onClick={() => setOpen(d.itemId)}
              >
                Adjudicate
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="mt-4">
          <AdjudicationPanel
            key={open}
            campaignId={campaignId}
            itemId={open}
            onClose={() => setOpen(null)}
          />
        </div>
      )}
    </section>
  );
}
