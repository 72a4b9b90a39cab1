"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";

export function CampaignTable() {
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaign.list.queryOptions());
  if (campaigns.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (campaigns.isError) return <p role="alert">Could not load campaigns: {campaigns.error.message}</p>;
  if (campaigns.data.length === 0) {
    return <p className="text-sm text-slate-600">No campaigns yet. Create one to start collecting judgements.</p>;
  }
  return (
    <table className="card w-full text-left text-sm">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1">Name</th>
          <th>Status</th>
          <th>Template</th>
          <th className="text-right">Items</th>
          <th className="text-right">Complete</th>
          <th className="text-right">Judgements</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.data.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <td className="py-2">
              <Link href={`/admin/campaigns/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                {c.name}
              </Link>
            </td>
            <td>{c.status}</td>
            <td>{c.templateKind}</td>
            <td className="text-right tabular-nums">{c.itemCount}</td>
            <td className="text-right tabular-nums">{c.completedItems}</td>
            <td className="text-right tabular-nums">{c.judgementCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
