"use client";

import { useQuery } from "@tanstack/react-query";
import { Markdown } from "@/app/_components/markdown";
import { useTRPC } from "@/app/_trpc/client";

/**
 * The campaign's guidelines beside the task. Not modal on purpose: the annotator reads them
 * while judging, so the verdict keys keep working; `g` or Escape closes the panel.
 */
export function GuidelinesPanel({
  campaignId,
  onClose,
}: {
  campaignId: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const campaign = useQuery(trpc.campaign.byId.queryOptions({ campaignId }, { staleTime: 60_000 }));
  return (
    <aside
      aria-label="Guidelines"
      className="fixed inset-y-0 right-0 z-20 w-full max-w-md overflow-y-auto border-l border-slate-200 bg-white p-5 shadow-xl"
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="font-semibold">
          Guidelines
          {campaign.data && (
            <span className="ml-2 text-xs font-normal text-slate-500">
              version {campaign.data.guidelineVersion}
            </span>
          )}
        </h2>
        <button type="button" className="btn" aria-label="Close guidelines" onClick={onClose}>
          Close <span className="kbd">g</span>
        </button>
      </div>
      {campaign.isPending && <p className="text-sm text-slate-500">Loading the guidelines…</p>}
      {campaign.isError && (
        <p role="alert" className="text-sm text-red-700">
          {campaign.error.message}
        </p>
      )}
      {campaign.data &&
        (campaign.data.guidelines.trim() ? (
          <Markdown text={campaign.data.guidelines} />
        ) : (
          <p className="text-sm text-slate-500">This campaign has no guidelines.</p>
        ))}
    </aside>
  );
}
