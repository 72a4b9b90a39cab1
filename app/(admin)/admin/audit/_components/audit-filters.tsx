"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";

export interface AuditFilter {
  campaignId?: string;
  userId?: string;
  action?: string;
  /** `datetime-local` values (local time), as the inputs hold them. */
  since?: string;
  until?: string;
}

export function AuditFilters({
  filter,
  onChange,
}: {
  filter: AuditFilter;
  onChange: (next: AuditFilter) => void;
}) {
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaign.list.queryOptions());
  const users = useQuery(trpc.user.list.queryOptions({}));
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const set = (key: keyof AuditFilter) => (value: string) =>
    onChange({ ...filter, [key]: value || undefined });
  return (
    <form
      className="card mb-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Filters"
    >
      <label className="font-medium">
        Campaign
        <select
          className="input mt-1"
          value={filter.campaignId ?? ""}
          onChange={(e) => set("campaignId")(e.target.value)}
        >
          <option value="">Any</option>
          {campaigns.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        User
        <select
          className="input mt-1"
          value={filter.userId ?? ""}
          onChange={(e) => set("userId")(e.target.value)}
        >
          <option value="">Anyone</option>
          {users.data?.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        Action
        <select
          className="input mt-1"
          value={filter.action ?? ""}
          onChange={(e) => set("action")(e.target.value)}
        >
          <option value="">Any</option>
          {actions.data?.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="font-medium">
        From
        <input
          type="datetime-local"
          className="input mt-1"
          value={filter.since ?? ""}
          onChange={(e) => set("since")(e.target.value)}
        />
      </label>
      <label className="font-medium">
        Until
        <input
          type="datetime-local"
          className="input mt-1"
          value={filter.until ?? ""}
          onChange={(e) => set("until")(e.target.value)}
        />
      </label>
      <button type="button" className="btn justify-center" onClick={() => onChange({})}>
        Clear
      </button>
    </form>
  );
}
