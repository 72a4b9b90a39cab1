"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { CampaignActions } from "./campaign-actions";
import { CampaignTabs } from "./campaign-tabs";
import { ExportPanel } from "./export-panel";
import { GenerationPanel } from "./generation-panel";
import { ImportPanel } from "./import-panel";
import { MembersPanel } from "./members-panel";
import { SettingsPanel } from "./settings-panel";

export function CampaignAdmin({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const campaign = useQuery(trpc.campaign.byId.queryOptions({ campaignId }));
  const summary = useQuery(trpc.campaign.list.queryOptions());
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
            <span data-testid="campaign-status">{c.status}</span> · {c.template.kind} ·{" "}
            <span data-testid="campaign-overlap">{c.overlap}</span> judgements per item
            {progress &&
              ` · ${progress.itemCount} items, ${progress.completedItems} complete, ${progress.judgementCount} judgements`}
          </p>
        </div>
        <CampaignActions campaignId={campaignId} status={c.status} />
      </header>
      <CampaignTabs
        campaignId={campaignId}
        setup={
          <div className="space-y-6">
            <div className="grid gap-6 lg:grid-cols-2">
              <ImportPanel campaignId={campaignId} onImported={refresh} />
              <MembersPanel campaignId={campaignId} />
              <ExportPanel campaignId={campaignId} template={c.template} />
              <GenerationPanel campaignId={campaignId} onProgress={refresh} />
            </div>
            {/* Keyed by id only: remounting on every save would drop the "saved" message. */}
            <SettingsPanel key={c.id} campaign={c} />
          </div>
        }
      />
    </div>
  );
}
