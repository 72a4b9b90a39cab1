"use client";

import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import {
  exportFormatsFor,
  relevantExportOptions,
  type ExportOptionKey,
} from "@/server/services/exports/export-kinds";
import type { Aggregation, ExportFile, ExportFormat, ExportSource } from "@/server/services/exports/export-options";
import { AGGREGATIONS, FILES, FORMATS, SOURCES } from "./export-labels";
import { Field, NumberInput, Select } from "./export-form-fields";

/** The form's view of the export options; every value maps 1:1 to a query parameter. */
export interface ExportFormState {
  format: ExportFormat;
  source: ExportSource;
  /** One judge's verdicts, by name; null: every judge's. */
  judge: string | null;
  inconsistent: "drop" | "keep";
  file: ExportFile;
  aggregation: Aggregation;
  ties: "drop" | "keep";
  both_bad: "drop" | "keep";
  margin: "none" | "small" | "large";
  min_judgements: number;
  min_agreement: number;
  exclude_gold: boolean;
  exclude_probes: boolean;
  prefer_adjudicated: boolean;
  min_gold_accuracy: number | null;
  guideline_version: number | null;
  test_fraction: number;
  seed: string;
  split: "all" | "train" | "test";
}

export const DEFAULT_EXPORT_FORM: ExportFormState = {
  format: "trl",
  source: "judgements",
  judge: null,
  inconsistent: "drop",
  file: "jsonl",
  aggregation: "none",
  ties: "drop",
  both_bad: "drop",
  margin: "none",
  min_judgements: 0,
  min_agreement: 0,
  exclude_gold: false,
  exclude_probes: true,
  prefer_adjudicated: false,
  min_gold_accuracy: null,
  guideline_version: null,
  test_fraction: 0,
  seed: "arbiter",
  split: "all",
};

/** The state with every option that does not apply to this template and format back at its default. */
export function effectiveState(state: ExportFormState, template: TemplateConfig): ExportFormState {
  const relevant = relevantExportOptions(template, state.format, state.source);
  const out: Record<string, unknown> = { ...state };
  for (const key of Object.keys(state) as (keyof ExportFormState)[]) {
    if (key !== "format" && !relevant.has(key)) out[key] = DEFAULT_EXPORT_FORM[key];
  }
  return out as unknown as ExportFormState;
}

/** The query string of a download: only what differs from the defaults, format always. */
export function exportQuery(state: ExportFormState): string {
  const params = new URLSearchParams({ format: state.format });
  for (const [key, value] of Object.entries(state)) {
    if (key === "format" || value === null) continue;
    if (value !== DEFAULT_EXPORT_FORM[key as keyof ExportFormState]) params.set(key, String(value));
  }
  return params.toString();
}

/** The options this campaign's template can use; an invalid choice is explained at its field. */
export function ExportOptionsForm({
  state,
  template,
  issues,
  judges,
  onChange,
}: {
  state: ExportFormState;
  template: TemplateConfig;
  /** Messages by option name, from the server's schema and kind rules. */
  issues: Record<string, string>;
  /** The judges whose verdicts can be exported (source ai-judgements). */
  judges: readonly string[];
  onChange: (next: ExportFormState) => void;
}) {
  const set = <K extends keyof ExportFormState>(key: K, value: ExportFormState[K]) =>
    onChange({ ...state, [key]: value });
  const relevant = relevantExportOptions(template, state.format, state.source);
  const formats = Object.fromEntries(
    exportFormatsFor(template, state.source).map((f) => [f, f === "trl" && template.kind === "ranking" ? "TRL preference, K-wise pairs (group_id, weight)" : FORMATS[f]]),
  ) as Record<ExportFormat, string>;
  // One place decides what shows: an option that does nothing here has no field.
  const shown = (name: ExportOptionKey | "format") => name === "format" || relevant.has(name);
  const num = (text: string) => (text === "" ? 0 : Number(text));
  const optionalNum = (text: string) => (text === "" ? null : Number(text));
  return (
    <div className="grid gap-3 text-sm sm:grid-cols-2">
      <Field show={shown("format")} error={issues.format} label="Format">
        <Select value={state.format} options={formats} onChange={(v) => set("format", v)} />
      </Field>
      <Field show={shown("source")} error={issues.source} label="Verdicts from">
        <Select value={state.source} options={SOURCES} onChange={(v) => set("source", v)} />
      </Field>
      <Field show={shown("judge")} error={issues.judge} label="Judge">
        <Select
          value={state.judge ?? ""}
          options={Object.fromEntries([["", "Every judge"], ...judges.map((j) => [j, j])]) as Record<string, string>}
          onChange={(v) => set("judge", v === "" ? null : v)}
        />
      </Field>
      <Field show={shown("inconsistent")} error={issues.inconsistent} label="Verdicts that flip with the order">
        <Select
          value={state.inconsistent}
          options={{ drop: "Drop (default)", keep: "Keep, one vote per order" }}
          onChange={(v) => set("inconsistent", v)}
        />
      </Field>
      <Field show={shown("file")} error={issues.file} label="File">
        <Select value={state.file} options={FILES} onChange={(v) => set("file", v)} />
      </Field>
      <Field show={shown("aggregation")} error={issues.aggregation} label="Aggregation">
        <Select
          value={state.aggregation}
          options={AGGREGATIONS}
          onChange={(v) => set("aggregation", v)}
        />
      </Field>
      <Field show={shown("margin")} error={issues.margin} label="Margin from strength">
        <Select
          value={state.margin}
          options={{ none: "None", small: "Small (1, ⅔, ⅓, 0)", large: "Large (3, 2, 1, 0)" }}
          onChange={(v) => set("margin", v)}
        />
      </Field>
      <Field show={shown("ties")} error={issues.ties} label="Ties">
        <Select
          value={state.ties}
          options={{ drop: "Drop", keep: "Keep (tie column)" }}
          onChange={(v) => set("ties", v)}
        />
      </Field>
      <Field show={shown("both_bad")} error={issues.both_bad} label="Both bad">
        <Select
          value={state.both_bad}
          options={{ drop: "Drop", keep: "Keep" }}
          onChange={(v) => set("both_bad", v)}
        />
      </Field>
      <Field show={shown("min_judgements")} error={issues.min_judgements} label="Min judgements per item">
        <NumberInput
          min={0}
          value={state.min_judgements}
          onChange={(raw) => set("min_judgements", num(raw))}
        />
      </Field>
      <Field show={shown("min_agreement")} error={issues.min_agreement} label="Min agreement (0–1)">
        <NumberInput
          min={0}
          max={1}
          step={0.05}
          value={state.min_agreement}
          onChange={(raw) => set("min_agreement", num(raw))}
        />
      </Field>
      <Field show={shown("min_gold_accuracy")} error={issues.min_gold_accuracy} label="Min gold accuracy (0–1)">
        <NumberInput
          min={0}
          max={1}
          step={0.05}
          value={state.min_gold_accuracy ?? ""}
          onChange={(raw) => set("min_gold_accuracy", optionalNum(raw))}
        />
      </Field>
      <Field show={shown("guideline_version")} error={issues.guideline_version} label="Guideline version">
        <NumberInput
          min={1}
          value={state.guideline_version ?? ""}
          onChange={(raw) => set("guideline_version", optionalNum(raw))}
        />
      </Field>
      <Field show={shown("test_fraction")} error={issues.test_fraction} label="Test fraction (0–1)">
        <NumberInput
          min={0}
          max={1}
          step={0.05}
          value={state.test_fraction}
          onChange={(raw) => set("test_fraction", num(raw))}
        />
      </Field>
      <Field show={shown("seed")} error={issues.seed} label="Split seed">
        <input className="input" value={state.seed} onChange={(e) => set("seed", e.target.value)} />
      </Field>
      <Field show={shown("split")} error={issues.split} label="Split to download">
        <Select
          value={state.split}
          options={{ all: "All rows", train: "Train", test: "Test" }}
          onChange={(v) => set("split", v)}
        />
      </Field>
      <div className="flex flex-col gap-1 pt-5">
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            checked={state.exclude_gold}
            onChange={(e) => set("exclude_gold", e.target.checked)}
          />
          Exclude gold items
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={state.exclude_probes}
            onChange={(e) => set("exclude_probes", e.target.checked)}
          />
          Exclude probes
        </label>
        {shown("prefer_adjudicated") && (
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={state.prefer_adjudicated}
              onChange={(e) => set("prefer_adjudicated", e.target.checked)}
            />
            Adjudicated verdicts replace votes
          </label>
        )}
      </div>
    </div>
  );
}
