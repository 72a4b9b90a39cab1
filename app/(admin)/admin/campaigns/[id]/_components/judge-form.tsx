"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";

type Endpoint = RouterOutputs["model"]["list"][number];

/** Starts an LLM judge over the campaign (both display orders); its job shows in the list below. */
export function JudgeForm({ campaignId, endpoints }: { campaignId: string; endpoints: Endpoint[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [endpoint, setEndpoint] = useState("");
  const [error, setError] = useState<string | null>(null);
  const judge = useMutation(
    trpc.job.judge.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.job.listForCampaign.queryKey({ campaignId }) }),
      onError: (e) => setError(e.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = String(new FormData(event.currentTarget).get("judge_prompt") ?? "").trim();
    setError(null);
    judge.mutate({ campaignId, input: { endpoint, ...(prompt ? { prompt } : {}) } });
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-3 border-t border-slate-100 pt-3">
      <h3 className="font-medium">LLM judge</h3>
      <p className="text-slate-600">
        Judges every item twice, once in each order; a verdict that flips is marked inconsistent. Verdicts are
        suggestions: they never count as judgements.
      </p>
      <label className="block font-medium">
        Judge endpoint
        <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)} className="input mt-1" required>
          <option value="">Choose…</option>
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block font-medium">
        Judge instructions (optional; the guidelines are always included)
        <textarea name="judge_prompt" rows={2} className="input mt-1" />
      </label>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <button type="submit" className="btn" disabled={judge.isPending || endpoint === ""}>
        Run judge
      </button>
    </form>
  );
}
