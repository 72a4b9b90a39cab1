"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { defaultExportFormat, exportKindIssues } from "@/server/services/exports/export-kinds";
import { exportOptionsSchema } from "@/server/services/exports/export-options";
import { ExportHistory } from "./export-history";
import {
  DEFAULT_EXPORT_FORM,
  ExportOptionsForm,
  effectiveState,
  exportQuery,
  type ExportFormState,
} from "./export-options-form";

/** Options as the preview procedure takes them (nulls mean "not set"). */
function previewOptions(state: ExportFormState) {
  const { min_gold_accuracy, guideline_version, judge, ...rest } = state;
  return {
    ...rest,
    ...(min_gold_accuracy === null ? {} : { min_gold_accuracy }),
    ...(guideline_version === null ? {} : { guideline_version }),
    ...(judge === null ? {} : { judge }),
  };
}

/**
 * Why the options cannot export this campaign, by field, checked here with the server's own
 * schema and kind rules, so the form says so at the field instead of a bare "Invalid input".
 */
function optionIssues(state: ExportFormState, template: TemplateConfig): Record<string, string> {
  const parsed = exportOptionsSchema.safeParse(previewOptions(state));
  const issues = parsed.success
    ? exportKindIssues(template, parsed.data)
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return Object.fromEntries(issues.map((i) => [i.path || "format", i.message]));
}

export function ExportPanel({ campaignId, template }: { campaignId: string; template: TemplateConfig }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportFormState>(() => ({
    ...DEFAULT_EXPORT_FORM,
    format: defaultExportFormat(template),
  }));
  const judges = useQuery(trpc.export.judges.queryOptions({ campaignId }));
  const effective = effectiveState(state, template);
  const issues = optionIssues(effective, template);
  const valid = Object.keys(issues).length === 0;
  // A preview reads the whole campaign: wait until the admin stops typing.
  const [settled, setSettled] = useState(effective);
  const effectiveKey = JSON.stringify(effective);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(effectiveKey) as ExportFormState), 400);
    return () => clearTimeout(timer);
  }, [effectiveKey]);
  const preview = useQuery({
    ...trpc.export.preview.queryOptions({ campaignId, options: previewOptions(settled) }),
    placeholderData: keepPreviousData,
    retry: false,
    enabled: valid && Object.keys(optionIssues(settled, template)).length === 0,
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
        <a
          className="btn"
          href={`${base}?format=${defaultExportFormat(template)}`}
          download
          onClick={refreshHistorySoon}
        >
          Download {defaultExportFormat(template) === "ratings" ? "ratings" : "TRL"} JSONL
        </a>
      </div>
      <p className="mb-3 text-sm text-slate-600">
        Streams straight from the database. Ties and both-bad verdicts are dropped unless kept; TRL
        and OpenAI formats cannot hold them.
        {template.kind === "ranking" && " A ranking of K responses becomes its C(K,2) pairs, sharing a group_id, each weighted 1/C(K,2)."}
        {" "}LLM judge verdicts export in the same formats (RLAIF data), each row naming its judge; a verdict
        that flipped when the responses were swapped is left out unless kept.
      </p>
      <ExportOptionsForm
        state={state}
        template={template}
        issues={issues}
        judges={judges.data?.map((j) => j.judge) ?? []}
        onChange={setState}
      />
      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        {valid ? (
          <a
            className="btn btn-primary"
            href={`${base}?${exportQuery(effective)}`}
            download
            onClick={refreshHistorySoon}
            aria-disabled={preview.isError}
          >
            Download
          </a>
        ) : (
          <button type="button" className="btn btn-primary" disabled>
            Download
          </button>
        )}
        <span role="status" aria-live="polite" data-testid="export-preview-count">
          {!valid
            ? "Fix the options marked above"
            : preview.isError
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
