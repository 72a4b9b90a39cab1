"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ExportHistory } from "./export-history";
import {
  DEFAULT_EXPORT_FORM,
  ExportOptionsForm,
  exportQuery,
  type ExportFormState,
} from "./export-options-form";

/** Options as the preview procedure takes them (nulls mean "not set"). */
function previewOptions(state: ExportFormState) {
  const { min_gold_accuracy, guideline_version, ...rest } = state;
  return {
    ...rest,
    ...(min_gold_accuracy === null ? {} : { min_gold_accuracy }),
    ...(guideline_version === null ? {} : { guideline_version }),
  };
}

export function ExportPanel({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportFormState>(DEFAULT_EXPORT_FORM);
  // A preview reads the whole campaign: wait until the admin stops typing.
  const [settled, setSettled] = useState(state);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(state), 400);
    return () => clearTimeout(timer);
  }, [state]);
  const preview = useQuery({
    ...trpc.export.preview.queryOptions({ campaignId, options: previewOptions(settled) }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const base = `/api/v1/campaigns/${campaignId}/export`;
  // The download is a plain link; its record appears in the history once it has streamed.
  const refreshHistorySoon = () => {
    setTimeout(() => {
      void queryClient.invalidateQueries({
        queryKey: trpc.export.history.queryKey({ campaignId }),
      });
    }, 1500);
  };

  return (
    <section className="card lg:col-span-2" aria-labelledby="export-heading">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="export-heading" className="font-semibold">
          Export
        </h2>
        <a className="btn" href={`${base}?format=trl`} download onClick={refreshHistorySoon}>
          Download TRL JSONL
        </a>
      </div>
      <p className="mb-3 text-sm text-slate-600">
        Streams straight from the database. Ties and both-bad verdicts are dropped unless kept; TRL
        and OpenAI formats cannot hold them.
      </p>
      <ExportOptionsForm state={state} onChange={setState} />
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        <a
          className="btn btn-primary"
          href={`${base}?${exportQuery(state)}`}
          download
          onClick={refreshHistorySoon}
          aria-disabled={preview.isError}
        >
          Download
        </a>
        <span role="status" aria-live="polite" data-testid="export-preview-count">
          {preview.isError
            ? preview.error.message
            : preview.data
              ? `${preview.data.rows} row${preview.data.rows === 1 ? "" : "s"}`
              : "Counting…"}
        </span>
      </div>
      {preview.data && preview.data.sample.length > 0 && (
        <details className="mt-3 text-xs">
          <summary className="cursor-pointer">First rows</summary>
          <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all">
            {preview.data.sample.map((row) => JSON.stringify(row)).join("\n")}
          </pre>
        </details>
      )}
      <h3 className="mt-5 mb-2 text-sm font-semibold">History</h3>
      <ExportHistory campaignId={campaignId} />
    </section>
  );
}
