"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";
import type { CampaignStatus } from "@/db/schema/campaigns";

/** Lifecycle buttons: the server enforces draft → active ⇄ paused → archived. */
export function CampaignActions({
  campaignId,
  status,
}: {
  campaignId: string;
  status: CampaignStatus;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
  const setStatus = useMutation(trpc.campaign.setStatus.mutationOptions({ onSuccess: refresh }));
  const duplicate = useMutation(
    trpc.campaign.duplicate.mutationOptions({
      onSuccess: async (copy) => {
        await refresh();
        router.push(`/admin/campaigns/${copy.id}`);
      },
    }),
  );
  const busy = setStatus.isPending || duplicate.isPending;
  const move = (to: CampaignStatus) => setStatus.mutate({ campaignId, status: to });
  const error = setStatus.error ?? duplicate.error;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "draft" && (
        <button className="btn btn-primary" disabled={busy} onClick={() => move("active")}>
          Activate
        </button>
      )}
      {status === "paused" && (
        <button className="btn btn-primary" disabled={busy} onClick={() => move("active")}>
          Resume
        </button>
      )}
      {status === "active" && (
        <button className="btn" disabled={busy} onClick={() => move("paused")}>
          Pause
        </button>
      )}
      <button className="btn" disabled={busy} onClick={() => duplicate.mutate({ campaignId })}>
        Duplicate
      </button>
      {status !== "archived" && (
        <button
          className="btn"
          disabled={busy}
          onClick={() => {
            if (
              window.confirm(
                "Archive this campaign? Annotators stop seeing it, and this cannot be undone.",
              )
            ) {
              move("archived");
            }
          }}
        >
          Archive
        </button>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
