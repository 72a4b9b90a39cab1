"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { JobList } from "./job-list";
import { JudgeForm } from "./judge-form";

/** Generate responses for the campaign's waiting prompts with model endpoints, and follow the jobs. */
export function GenerationPanel({ campaignId, onProgress }: { campaignId: string; onProgress: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.model.list.queryOptions());
  const [chosen, setChosen] = useState<string[]>([]);
  const [samples, setSamples] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const generate = useMutation(
    trpc.job.generate.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.job.listForCampaign.queryKey({ campaignId }) }),
      onError: (e) => setError(e.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    generate.mutate({ campaignId, input: { endpoints: chosen, samples_per_endpoint: samples } });
  }

  return (
    <section aria-labelledby="generation-heading" className="card text-sm">
      <h2 id="generation-heading" className="mb-2 font-semibold">
        Models: generate and judge
      </h2>
      <p className="mb-3 text-slate-600">
        Prompts imported without responses wait here. Several endpoints × 1 sample compare models; 1 endpoint × several
        samples gives rankings.
      </p>
      {endpoints.data?.length === 0 ? (
        <p className="text-slate-600">
          No model endpoints yet: <Link href="/admin/models" className="text-indigo-700 hover:underline">add one</Link>.
        </p>
      ) : (
        <form onSubmit={onSubmit} className="space-y-3">
          <fieldset className="space-y-1">
            <legend className="font-medium">Endpoints</legend>
            {endpoints.data?.map((e) => (
              <label key={e.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(e.id)}
                  onChange={(event) =>
                    setChosen((list) => (event.target.checked ? [...list, e.id] : list.filter((id) => id !== e.id)))
                  }
                />
                {e.name} <span className="text-slate-500">({e.model})</span>
              </label>
            ))}
          </fieldset>
          <label className="block font-medium">
            Samples per endpoint
            <input
              type="number"
              min={1}
              max={9}
              value={samples}
              onChange={(event) => setSamples(Number(event.target.value))}
              className="input mt-1 block w-24"
            />
          </label>
          {error && (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={generate.isPending || chosen.length === 0}>
            Generate
          </button>
        </form>
      )}
      {endpoints.data && endpoints.data.length > 0 && <JudgeForm campaignId={campaignId} endpoints={endpoints.data} />}
      <JobList campaignId={campaignId} onProgress={onProgress} />
    </section>
  );
}
