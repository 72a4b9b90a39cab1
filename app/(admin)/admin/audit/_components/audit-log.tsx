"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { formatTime } from "../../users/_components/format-time";
import { AuditFilters, type AuditFilter } from "./audit-filters";

const toDate = (local: string | undefined) => {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** Details as `key: value` pairs; values are data, shown as text, never markup. */
function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <span className="font-mono text-xs break-all text-slate-600">
      {entries
        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" · ")}
    </span>
  );
}

export function AuditLog({ initial }: { initial: AuditFilter }) {
  const trpc = useTRPC();
  const router = useRouter();
  // Null only for a pages-router page, which this is not (pages/ holds API routes alone).
  const pathname = usePathname() ?? "/admin/audit";
  const [filter, setFilter] = useState<AuditFilter>(initial);
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      {
        campaignId: filter.campaignId,
        userId: filter.userId,
        action: filter.action,
        since: toDate(filter.since),
        until: toDate(filter.until),
        limit: 50,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  function onChange(next: AuditFilter) {
    setFilter(next);
    const params = new URLSearchParams();
    if (next.campaignId) params.set("campaign", next.campaignId);
    if (next.userId) params.set("user", next.userId);
    if (next.action) params.set("action", next.action);
    if (next.since) params.set("since", next.since);
    if (next.until) params.set("until", next.until);
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <>
      <AuditFilters filter={filter} onChange={onChange} />
      {events.isPending && <p className="text-sm text-slate-500">Loading…</p>}
      {events.isError && <p role="alert">Could not load the audit log: {events.error.message}</p>}
      {events.isSuccess && rows.length === 0 && (
        <p className="text-sm text-slate-600">No events match.</p>
      )}
      {rows.length > 0 && (
        <ol className="card divide-y divide-slate-100 p-0 text-sm" aria-label="Audit events">
          {rows.map((e) => (
            <li key={e.id} className="grid gap-1 px-4 py-2 sm:grid-cols-[11rem_14rem_1fr]">
              <time
                dateTime={new Date(e.createdAt).toISOString()}
                className="text-slate-500 tabular-nums"
              >
                {formatTime(e.createdAt)}
              </time>
              <span className="font-mono text-xs font-medium sm:text-sm">{e.action}</span>
              <span className="min-w-0 space-x-2">
                <span>{e.actorEmail ?? (e.actorId ? "deleted user" : "system / anonymous")}</span>
                {e.subjectLabel && <span className="text-slate-600">→ {e.subjectLabel}</span>}
                {e.campaignName && <span className="text-slate-600">in {e.campaignName}</span>}
                <Details details={e.details} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {events.hasNextPage && (
        <button
          type="button"
          className="btn mt-3"
          disabled={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {events.isFetchingNextPage ? "Loading…" : "Older events"}
        </button>
      )}
    </>
  );
}
