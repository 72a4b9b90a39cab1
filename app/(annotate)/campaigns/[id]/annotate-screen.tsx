"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { PairwiseTask } from "./pairwise-task";

type ClaimResult = RouterOutputs["task"]["claimNext"];

const REASONS: Record<string, string> = {
  done: "There is nothing left for you in this campaign. Thank you!",
  paused: "This campaign is paused. Check back later.",
  member_paused: "Your participation in this campaign is paused. Ask an admin.",
  daily_cap: "You have reached today's limit for this campaign. See you tomorrow.",
};

export function AnnotateScreen({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const [result, setResult] = useState<ClaimResult | null>(null);
  const [submittedCount, setSubmittedCount] = useState(0);
  const claim = useMutation(trpc.task.claimNext.mutationOptions({ onSuccess: setResult }));
  const { mutate } = claim;

  const claimNext = useCallback(() => mutate({ campaignId }), [mutate, campaignId]);
  useEffect(() => claimNext(), [claimNext]);

  if (claim.isError) {
    return (
      <div role="alert" className="card">
        <p>{claim.error.message}</p>
        <button className="btn mt-3" onClick={claimNext}>
          Try again
        </button>
      </div>
    );
  }
  const counter = (
    <p className="mb-3 text-sm text-slate-600" aria-live="polite">
      {submittedCount} submitted this session
    </p>
  );
  if (!result) return <p className="text-sm text-slate-500">Loading your next task…</p>;
  if (!result.task) {
    return (
      <div>
        {counter}
        <div className="card" role="status">
          <p className="mb-3">{REASONS[result.reason] ?? "Nothing to do right now."}</p>
          <Link href="/campaigns" className="btn">
            Back to your campaigns
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div>
      {counter}
      <PairwiseTask
        key={result.task.assignmentId}
        task={result.task}
        onDone={(next) => {
          setSubmittedCount((n) => n + 1);
          setResult(next);
        }}
      />
    </div>
  );
}
