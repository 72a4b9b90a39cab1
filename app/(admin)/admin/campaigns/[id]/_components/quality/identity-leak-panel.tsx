"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import type { LeakStatus } from "@/server/domain/identity-leak";
import { LEAK_FILTERS } from "@/server/services/leaks/leak-inputs";

type Review = RouterOutputs["identityLeak"]["list"];
type Filter = (typeof LEAK_FILTERS)[number];

const FILTER_LABELS: Record<Filter, string> = {
  flagged: "All flagged",
  held: "Held",
  warned: "Warned",
  released: "Released",
};
const FILTERS = LEAK_FILTERS.map((id) => ({ id, label: FILTER_LABELS[id] }));

const STATUS_LABELS: Record<LeakStatus, string> = {
  clean: "clean",
  held: "held",
  warned: "served with a warning",
  released: "released",
};

/**
 * The identity-leak review (DESIGN §15): how many items the guard flagged and where they stand,
 * and each flagged item's matching responses with the text around every match, so an admin can
 * release a false positive ("llama" the animal) or leave a real leak held. Model output is
 * rendered as plain text.
 */
export function IdentityLeakPanel({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("flagged");
  const [pages, setPages] = useState<number[]>([]);
  const after = pages[pages.length - 1];
  const review = useQuery(
    trpc.identityLeak.list.queryOptions({ campaignId, input: { status: filter, ...(after === undefined ? {} : { after }) } }),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.identityLeak.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() }),
    ]);
  const release = useMutation(trpc.identityLeak.release.mutationOptions({ onSuccess: refresh }));
  const recheck = useMutation(trpc.identityLeak.recheck.mutationOptions({ onSuccess: refresh }));
  const act = (itemIds: string[], released: boolean) =>
    release.mutate({ campaignId, input: { item_ids: itemIds, released } });

  const data = review.data;
  const pending = data?.items.filter((i) => i.status !== "released").map((i) => i.itemId) ?? [];
  return (
    <section className="card space-y-3" aria-labelledby="identity-heading" data-testid="identity-leak-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="identity-heading" className="font-semibold">
          Identity leaks
        </h3>
        <button type="button" className="btn" disabled={recheck.isPending} onClick={() => recheck.mutate({ campaignId })}>
          {recheck.isPending ? "Re-checking…" : "Re-check all responses"}
        </button>
      </div>
      {data && <Counts review={data} />}
      {recheck.data && (
        <p role="status" className="text-sm text-slate-600">
          Re-checked: {recheck.data.responsesChanged} responses and {recheck.data.itemsChanged} items changed.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label>
          Show{" "}
          <select
            className="input inline-block w-auto"
            value={filter}
            onChange={(e) => {
              setFilter(e.currentTarget.value as Filter);
              setPages([]);
            }}
          >
            {FILTERS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {pending.length > 0 && (
          <button type="button" className="btn" disabled={release.isPending} onClick={() => act(pending, true)}>
            Release all {pending.length} shown
          </button>
        )}
      </div>
      {(review.error ?? release.error) && (
        <p role="alert" className="text-sm text-red-700">
          {(review.error ?? release.error)?.message}
        </p>
      )}
      {data && data.items.length === 0 && <p className="text-sm text-slate-500">No flagged items here.</p>}
      <ul className="divide-y divide-slate-100 text-sm">
        {data?.items.map((item) => (
          <li key={item.itemId} className="space-y-2 py-2" data-testid="flagged-item">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <span className="font-mono">{item.externalId}</span> ·{" "}
                <span data-testid="flagged-status">{STATUS_LABELS[item.status]}</span>
              </span>
              <button
                type="button"
                className="btn"
                disabled={release.isPending}
                aria-label={`${item.status === "released" ? "Hold again" : "Release"} ${item.externalId}`}
                onClick={() => act([item.itemId], item.status !== "released")}
              >
                {item.status === "released" ? "Hold again" : "Release"}
              </button>
            </div>
            {item.responses.map((r) => (
              <div key={r.responseId} className="rounded border border-slate-200 p-2">
                <p className="text-xs text-slate-500">
                  Response <span className="font-mono">{r.externalId}</span>
                  {r.model && ` · ${r.model}`} · matched {r.phrases.map((p) => `“${p}”`).join(", ")}
                </p>
                {r.excerpts.map((e, i) => (
                  <p key={i} className="whitespace-pre-wrap break-words font-mono text-xs">
                    {e.before}
                    <mark className="rounded bg-amber-200 px-0.5">{e.match}</mark>
                    {e.after}
                  </p>
                ))}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {(pages.length > 0 || data?.next != null) && (
        <div className="flex gap-2">
          {pages.length > 0 && (
            <button type="button" className="btn" onClick={() => setPages(pages.slice(0, -1))}>
              Previous page
            </button>
          )}
          {data?.next != null && (
            <button type="button" className="btn" onClick={() => setPages([...pages, data.next ?? 0])}>
              Next page
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function Counts({ review }: { review: Review }) {
  const { counts } = review;
  return (
    <p className="text-sm" data-testid="identity-counts">
      <strong>{counts.flagged}</strong> flagged · <strong>{counts.held}</strong> held ·{" "}
      <strong>{counts.warned}</strong> served with a warning · <strong>{counts.released}</strong> released
      <span className="text-slate-500"> (mode: {review.mode === "hold" ? "hold until released" : "warn"})</span>
    </p>
  );
}
