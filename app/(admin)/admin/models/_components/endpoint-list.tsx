"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";

type Endpoint = RouterOutputs["model"]["list"][number];
type TestResult = RouterOutputs["model"]["test"];

export function EndpointList() {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.model.list.queryOptions());
  if (endpoints.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (endpoints.isError) return <p role="alert">Could not load endpoints: {endpoints.error.message}</p>;
  if (endpoints.data.length === 0) {
    return <p className="text-sm text-slate-600">No endpoints yet. Add one to generate responses with a model.</p>;
  }
  return (
    <ul className="space-y-3" aria-label="Model endpoints">
      {endpoints.data.map((e) => (
        <EndpointRow key={e.id} endpoint={e} />
      ))}
    </ul>
  );
}

function EndpointRow({ endpoint }: { endpoint: Endpoint }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const test = useMutation(
    trpc.model.test.mutationOptions({ onSuccess: setResult, onError: (e) => setError(e.message) }),
  );
  const remove = useMutation(
    trpc.model.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.model.list.queryKey() }),
      onError: (e) => setError(e.message),
    }),
  );
  const p = endpoint.params;
  const defaults = [
    p.temperature !== undefined && `temperature ${p.temperature}`,
    p.top_p !== undefined && `top_p ${p.top_p}`,
    p.max_tokens !== undefined && `max ${p.max_tokens} tokens`,
    p.system_prompt && "system prompt",
    p.stream && "streamed",
  ].filter(Boolean);

  return (
    <li className="card text-sm" aria-label={endpoint.name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">{endpoint.name}</p>
          <p className="break-all text-slate-600">
            {endpoint.model} · {endpoint.baseUrl}
          </p>
          <p className="text-slate-500">
            {endpoint.hasApiKey ? "API key stored" : "No API key"} · {endpoint.concurrency} in parallel
            {defaults.length > 0 && ` · ${defaults.join(", ")}`}
          </p>
        </div>
        <div className="flex gap-2">
          <button
            type="button"
            className="btn"
            disabled={test.isPending}
            onClick={() => {
              setError(null);
              setResult(null);
              test.mutate({ endpointId: endpoint.id });
            }}
          >
            {test.isPending ? "Testing…" : "Test connection"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the endpoint "${endpoint.name}"?`)) remove.mutate({ endpointId: endpoint.id });
            }}
          >
            Delete
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {result?.ok === true && (
          <p className="mt-2 text-green-700" role="status">
            Connected in {result.latencyMs} ms ({result.servedModel ?? endpoint.model}): “{result.reply}”
          </p>
        )}
        {result?.ok === false && (
          <p className="mt-2 text-red-700" role="status">
            Failed{result.status ? ` (HTTP ${result.status})` : ""}: {result.message}
          </p>
        )}
        {error && (
          <p className="mt-2 text-red-700" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}
