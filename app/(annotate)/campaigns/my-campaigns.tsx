"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";

export function MyCampaigns() {
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaign.list.queryOptions());
  if (campaigns.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (campaigns.isError) return <p role="alert">{campaigns.error.message}</p>;
  const open = campaigns.data.filter((c) => c.status === "active" || c.status === "paused");
  if (open.length === 0) {
    return <p className="text-sm text-slate-600">You are not in any active campaign yet.</p>;
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {open.map((c) => (
        <li key={c.id} className="card">
          <h2 className="font-semibold">{c.name}</h2>
          <p className="mb-3 text-sm text-slate-600">
            {c.status === "paused" ? "Paused" : `${c.mySubmitted} submitted by you`}
          </p>
          <Link href={`/campaigns/${c.id}`} className="btn btn-primary">
            Start annotating
          </Link>
        </li>
      ))}
    </ul>
  );
}
