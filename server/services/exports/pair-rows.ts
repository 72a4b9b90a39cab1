import type { ParquetOptions } from "@/server/formats/parquet-writer";
import { toHhRlhfRow } from "@/server/formats/hh-rlhf-export";
import { toOpenAiDpoRow } from "@/server/formats/openai-dpo";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { toTrlVisionRow } from "@/server/formats/trl-vision";
import { toTrlImplicitRow } from "@/server/formats/trl-implicit";
import { toTrlKtoRows } from "@/server/formats/trl-kto";
import { PAIR_FORMATS, type ExportFormat, type ExportOptions, type PairFormat } from "./export-options";
import type { PairOutcome } from "./pair-votes";

export function isPairFormat(format: ExportFormat): format is PairFormat {
  return PAIR_FORMATS.includes(format);
}

/** Whether the export keeps this outcome: ties and both-bad verdicts only when asked. */
export function keepsOutcome(outcome: PairOutcome, options: ExportOptions): boolean {
  if (outcome.verdict === "tie") return options.ties === "keep";
  if (outcome.verdict === "both_bad") return options.both_bad === "keep";
  return true;
}

/**
 * The rows one pair outcome becomes. Kept ties and both-bad verdicts appear only where the
 * format can say so (option parsing refuses the rest): as explicit `tie` / `both_bad` columns
 * on HH-RLHF rows, and for KTO as two undesirable completions.
 */
export function pairRows(
  format: PairFormat,
  outcome: PairOutcome,
  options: ExportOptions,
  vision = false,
): Record<string, unknown>[] {
  const { pair, verdict } = outcome;
  switch (format) {
    case "trl":
      return [vision ? toTrlVisionRow(pair) : toTrlExplicitRow(pair)];
    case "trl-implicit":
      return [toTrlImplicitRow(pair)];
    case "openai-dpo":
      return [toOpenAiDpoRow(pair)];
    case "trl-kto":
      return toTrlKtoRows(pair).map((row) =>
        verdict === "both_bad" ? { ...row, label: false } : row,
      );
    case "hh-rlhf": {
      const row: Record<string, unknown> = { ...toHhRlhfRow(pair) };
      if (options.ties === "keep") row.tie = verdict === "tie";
      if (options.both_bad === "keep") row.both_bad = verdict === "both_bad";
      if (pair.judge !== undefined) row.judge = pair.judge;
      return [row];
    }
  }
}

type Columns = NonNullable<ParquetOptions["columns"]>;

/**
 * Declared columns, so every row of a CSV or Parquet file has the same header and types even
 * when the first rows happen to lack an optional column (a margin, a K-wise group). Judge
 * verdicts name their judge in a `judge` column, except in OpenAI's strictly validated rows.
 */
export function pairColumns(
  format: PairFormat,
  options: ExportOptions,
  kWise: boolean,
  vision = false,
  shape: { perTurn?: boolean; tools?: boolean; toolTurns?: boolean } = {},
): Columns {
  const margin: Columns = options.margin !== "none" ? [{ name: "margin", type: "float" }] : [];
  // Per-turn rows say which assistant turn they compare (1-based).
  const turn: Columns = shape.perTurn ? [{ name: "turn", type: "int" }] : [];
  // TRL's `tools`: the function schemas, as JSON text in a CSV cell or a Parquet string column.
  const tools: Columns = shape.tools ? [{ name: "tools", type: "json" }] : [];
  // Messages with tool calls and results need the richer struct (parquet-messages.ts) all file long.
  const messages = (name: string): Columns[number] => (shape.toolTurns ? { name, type: "tool_messages" } : name);
  const judge: Columns = options.source === "ai-judgements" ? [{ name: "judge", type: "string" }] : [];
  const group: Columns = [
    ...(kWise
      ? [
          { name: "group_id", type: "string" as const },
          { name: "weight", type: "float" as const },
        ]
      : []),
    ...judge,
  ];
  switch (format) {
    case "trl":
      return vision
        ? [{ name: "images", type: "json" }, { name: "prompt", type: "json" }, { name: "chosen", type: "json" }, { name: "rejected", type: "json" }, ...margin, ...group, ...turn, ...tools]
        : [messages("prompt"), messages("chosen"), messages("rejected"), ...margin, ...group, ...turn, ...tools];
    case "trl-implicit":
      return [messages("chosen"), messages("rejected"), ...margin, ...group, ...turn, ...tools];
    case "trl-kto":
      return [messages("prompt"), messages("completion"), { name: "label", type: "boolean" }, ...group, ...turn];
    case "openai-dpo":
      return [{ name: "input", type: "json" }, messages("preferred_output"), messages("non_preferred_output")];
    case "hh-rlhf":
      return [
        { name: "chosen", type: "string" },
        { name: "rejected", type: "string" },
        ...(options.ties === "keep" ? [{ name: "tie", type: "boolean" as const }] : []),
        ...(options.both_bad === "keep" ? [{ name: "both_bad", type: "boolean" as const }] : []),
        ...judge,
      ];
  }
}
