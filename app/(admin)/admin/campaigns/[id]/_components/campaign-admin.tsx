"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { ExportPanel } from "./export-panel";
import { ImportPanel } from "./import-panel";
import { MembersPanel } from "./members-panel";

export function CampaignAdmin({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const campaign = useQuery(trpc.campaign.byId.queryOptions({ campaignId }));
  const summary = useQuery(trpc.campaign.list.queryOptions());
  const setStatus = useMutation(
    trpc.campaign.setStatus.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() }),
    }),
  );
  if (campaign.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (campaign.isError) return <p role="alert">{campaign.error.message}</p>;
  const c = campaign.data;
  const progress = summary.data?.find((s) => s.id === campaignId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{c.name}</h1>
          <p className="text-sm text-slate-600">
            <span data-testid="campaign-status">{c.status}</span> · {c.template.kind} · {c.overlap} judgements
            per item
            {progress &&
              ` · ${progress.itemCount} items, ${progress.completedItems} complete, ${progress.judgementCount} judgements`}
          </p>
        </div>
        <div className="flex gap-2">
          {(c.status === "draft" || c.status === "paused") && (
            <button className="btn btn-primary" onClick={() => setStatus.mutate({ campaignId, status: "active" })}>
              Activate
            </button>
          )}
          {c.status === "active" && (
            <button className="btn" onClick={() => setStatus.mutate({ campaignId, status: "paused" })}>
              Pause
            </button>
          )}
        </div>
      </header>
      {setStatus.error && <p role="alert">{setStatus.error.message}</p>}
      <div className="grid gap-6 lg:grid-cols-2">
        <ImportPanel campaignId={campaignId} onImported={refresh} />
        <MembersPanel campaignId={campaignId} />
        <ExportPanel campaignId={campaignId} />
      </div>
    </div>
  );
}
