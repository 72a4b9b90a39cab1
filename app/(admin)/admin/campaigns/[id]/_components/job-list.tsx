"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_trpc/client";

const RUNNING = new Set(["queued", "running"]);

/** The campaign's recent jobs with live progress (polled while one runs) and their errors. */
export function JobList({ campaignId, onProgress }: { campaignId: string; onProgress: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    ...trpc.job.listForCampaign.queryOptions({ campaignId }),
    refetchInterval: (query) => (query.state.data?.some((j) => RUNNING.has(j.status)) ? 1000 : false),
  });
  const cancel = useMutation(
    trpc.job.cancel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.job.listForCampaign.queryKey({ campaignId }) }),
    }),
  );
  // Item counts on the page change as prompts get their responses: refresh them as jobs advance.
  const done = jobs.data?.reduce((sum, j) => sum + j.progress.done, 0) ?? 0;
  const seen = useRef(done);
  useEffect(() => {
    if (seen.current !== done) onProgress();
    seen.current = done;
  }, [done, onProgress]);

  if (!jobs.data || jobs.data.length === 0) return null;
  return (
    <ul className="mt-4 space-y-3" aria-label="Jobs">
      {jobs.data.map((job) => {
        const { done: ok, failed, total } = job.progress;
        const percent = total === 0 ? 100 : Math.round(((ok + failed) / total) * 100);
        return (
          <li key={job.id} className="rounded border border-slate-200 p-2" aria-label={`${job.kind} job`}>
            <div className="flex items-center justify-between gap-2">
              <span>
                <span className="font-medium capitalize">{job.kind}</span> ·{" "}
                <span data-testid="job-status">{job.status}</span> · {job.createdAt.toLocaleString()}
              </span>
              {RUNNING.has(job.status) && (
                <button type="button" className="btn" onClick={() => cancel.mutate({ jobId: job.id })} disabled={cancel.isPending}>
                  Cancel
                </button>
              )}
            </div>
            <div
              role="progressbar"
              aria-label="Job progress"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={ok + failed}
              className="mt-2 h-2 overflow-hidden rounded bg-slate-100"
            >
              <div className="h-full bg-indigo-600" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-slate-600" data-testid="job-progress">
              {ok} of {total} {job.kind === "judge" ? "verdicts" : "responses"}
              {failed > 0 && `, ${failed} failed`}
              {job.progress.cancelled > 0 && `, ${job.progress.cancelled} cancelled`}
            </p>
            {job.errors.length > 0 && (
              <details className="mt-1">
                <summary className="cursor-pointer text-red-700">{job.errors.length} error(s)</summary>
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {job.errors.slice(0, 10).map((e) => (
                    <li key={e.task_id} className="break-words">
                      {e.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
