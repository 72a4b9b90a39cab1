"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { AgreementChart } from "./agreement-chart";
import { AnnotatorTable } from "./annotator-table";
import { DisputedList } from "./disputed-list";
import { JudgeSection } from "./judge-section";
import { IdentityLeakPanel } from "./identity-leak-panel";
import { LeaderboardChart } from "./leaderboard-chart";
import { ProgressChart } from "./progress-chart";
import { WinMatrix } from "./win-matrix";

function Pending({ what, error }: { what: string; error?: { message: string } | null }) {
  return error ? (
    <p role="alert" className="card">
      {error.message}
    </p>
  ) : (
    <p className="card text-sm text-slate-500">Computing {what}…</p>
  );
}

/**
 * The Quality tab (DESIGN §9): progress, agreement with intervals and the disputed items,
 * per-annotator reliability with the exclude action, the model leaderboard, and the LLM
 * judges measured against the humans. Everything is computed from live judgements without
 * excluded annotators; the same numbers are at /api/v1/campaigns/{id}/agreement,
 * /annotators, /leaderboard and /judges.
 */
export default function QualitySection({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.quality.progress.queryOptions({ campaignId }));
  const agreement = useQuery(trpc.quality.agreement.queryOptions({ campaignId }));
  const annotators = useQuery(trpc.quality.annotators.queryOptions({ campaignId }));
  const leaderboard = useQuery(trpc.quality.leaderboard.queryOptions({ campaignId }));
  const judges = useQuery(trpc.quality.judges.queryOptions({ campaignId }));
  return (
    <div className="space-y-6" data-testid="quality-section">
      <div className="grid gap-6 lg:grid-cols-2">
        {progress.data ? (
          <ProgressChart progress={progress.data} />
        ) : (
          <Pending what="progress" error={progress.error} />
        )}
        {agreement.data ? (
          <AgreementChart agreement={agreement.data} />
        ) : (
          <Pending what="agreement" error={agreement.error} />
        )}
      </div>
      {annotators.data ? (
        <AnnotatorTable campaignId={campaignId} annotators={annotators.data} />
      ) : (
        <Pending what="annotator quality" error={annotators.error} />
      )}
      {leaderboard.data ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <LeaderboardChart board={leaderboard.data} />
          <WinMatrix board={leaderboard.data} />
        </div>
      ) : (
        <Pending what="the leaderboard" error={leaderboard.error} />
      )}
      {agreement.data && (
        <DisputedList campaignId={campaignId} disputed={agreement.data.disputed} />
      )}
      {judges.data ? <JudgeSection judges={judges.data} /> : <Pending what="the judges" error={judges.error} />}
      <IdentityLeakPanel campaignId={campaignId} />
    </div>
  );
}
