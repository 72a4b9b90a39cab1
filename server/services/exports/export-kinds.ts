import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { PAIR_FORMATS, type ExportFormat, type ExportOptions, type ExportSource } from "./export-options";

/**
 * Which exports and options make sense for a campaign's template: the one source for the
 * export form (what it offers and hides) and for the server (what it refuses, and why).
 */

/** The template yields pairs: pairwise verdicts, orders (K-wise), or a rating's preference. */
function yieldsPairs(t: TemplateConfig): boolean {
  return t.kind === "steps" ? false : t.kind !== "rating" || t.then !== null;
}

/** Step labels aggregate only per step: each row as labelled, or the majority of +1 labels. */
export const STEPWISE_AGGREGATIONS = ["none", "majority"] as const;

/** The template yields full orders: rankings, or ratings followed by a ranking. */
function yieldsOrders(t: TemplateConfig): boolean {
  return t.kind === "ranking" || (t.kind === "rating" && t.then === "ranking");
}

/** HelpSteer3's −3..3 scale needs a side and a magnitude: a pairwise choice with its strength. */
function yieldsGradedPreferences(t: TemplateConfig): boolean {
  return t.kind === "pairwise" && t.strength;
}

/**
 * What an ai-judgements export cannot be: prompts carry no verdict, and judges are asked
 * neither for step labels nor for HelpSteer3's graded strength.
 */
const NOT_FROM_JUDGES: readonly ExportFormat[] = ["prompts", "trl-stepwise", "steps", "helpsteer3"];

export function exportFormatsFor(t: TemplateConfig, source: ExportSource = "judgements"): ExportFormat[] {
  const formats = humanExportFormats(t);
  return source === "ai-judgements" ? formats.filter((f) => !NOT_FROM_JUDGES.includes(f)) : formats;
}

/** Whether the format can hold judge verdicts for this template (the source field shows then). */
export function takesJudgeVerdicts(t: TemplateConfig, format: ExportFormat): boolean {
  return exportFormatsFor(t, "ai-judgements").includes(format);
}

function humanExportFormats(t: TemplateConfig): ExportFormat[] {
  return [
    ...(t.kind === "steps" ? (["trl-stepwise", "steps"] as const) : []),
    ...(t.kind === "rating" ? (["ratings", "ultrafeedback"] as const) : []),
    ...(yieldsPairs(t) ? PAIR_FORMATS : []),
    ...(yieldsGradedPreferences(t) ? (["helpsteer3"] as const) : []),
    ...(yieldsOrders(t) ? (["rankings"] as const) : []),
    "judgements",
    "prompts",
  ];
}

export function defaultExportFormat(t: TemplateConfig): ExportFormat {
  return t.kind === "rating" ? "ratings" : t.kind === "steps" ? "trl-stepwise" : "trl";
}

export type ExportOptionKey = Exclude<keyof ExportOptions, "format">;

/** The options that change anything for this template and format; the form hides the rest. */
export function relevantExportOptions(
  t: TemplateConfig,
  format: ExportFormat,
  source: ExportSource = "judgements",
): Set<ExportOptionKey> {
  const keys: ExportOptionKey[] = ["file", "min_judgements", "exclude_gold", "exclude_probes", "test_fraction", "seed", "split"];
  if (takesJudgeVerdicts(t, format)) keys.push("source");
  if (source === "ai-judgements") keys.push("judge", "inconsistent");
  else keys.push("min_gold_accuracy", "guideline_version", "prefer_adjudicated");
  const pairs = PAIR_FORMATS.includes(format);
  if (pairs || format === "rankings") keys.push("aggregation", "min_agreement");
  if (format === "trl-stepwise") keys.push("aggregation");
  const tiesPossible =
    (t.kind === "pairwise" && t.allow_tie) || (t.kind === "ranking" && t.allow_ties) || (t.kind === "rating" && t.then === "ranking");
  if (pairs && tiesPossible) keys.push("ties");
  if (pairs && t.kind === "pairwise" && t.allow_both_bad) keys.push("both_bad");
  if (pairs && t.kind === "pairwise" && t.strength) keys.push("margin");
  return new Set(keys);
}

/** Why a format that needs a particular template does not fit another one. */
const MISFIT_REASONS: Partial<Record<ExportFormat, string>> = {
  ratings: "the ratings export needs a campaign with the rating template",
  ultrafeedback: "the ultrafeedback export scores responses by their ratings, so it needs the rating template",
  rankings: "the rankings export needs full orders (a ranking template, or ratings followed by a ranking)",
  helpsteer3: "the helpsteer3 export grades a choice by its strength, so it needs a pairwise template with strength",
  "trl-stepwise": "step exports need a campaign with the steps template",
  steps: "step exports need a campaign with the steps template",
};

export interface ExportIssue {
  path: string;
  message: string;
}

/** Why these options cannot export this campaign, one issue per field (empty when they can). */
export function exportKindIssues(t: TemplateConfig, options: ExportOptions): ExportIssue[] {
  const issues: ExportIssue[] = [];
  if (options.source === "ai-judgements" && !takesJudgeVerdicts(t, options.format)) {
    issues.push({
      path: "source",
      message: `${options.format} cannot be made of LLM judge verdicts: ${NOT_FROM_JUDGES.includes(options.format) ? "judges are not asked for what it holds" : `it does not fit this ${t.kind} campaign`}`,
    });
    return issues;
  }
  if (!exportFormatsFor(t).includes(options.format)) {
    const why =
      MISFIT_REASONS[options.format] ??
      (t.kind === "steps"
        ? "a step-label campaign yields labels per step, not pairs"
        : "a rating campaign without a following preference yields no pairs");
    issues.push({ path: "format", message: `${options.format} does not fit this ${t.kind} campaign: ${why}` });
  }
  if (options.format === "trl-stepwise" && !STEPWISE_AGGREGATIONS.some((a) => a === options.aggregation)) {
    issues.push({
      path: "aggregation",
      message: `trl-stepwise aggregates steps by ${STEPWISE_AGGREGATIONS.join(" or ")}, not ${options.aggregation}`,
    });
  }
  return issues;
}

/** The formats that write responses as assistant text, so they refuse image and audio ones. */
export function isTextOnlyFormat(format: ExportFormat): boolean {
  return PAIR_FORMATS.includes(format) || format === "helpsteer3" || format === "ultrafeedback";
}

/**
 * Formats that can carry a vision prompt's images: TRL (vision rows), OpenAI DPO (image
 * inputs) and those that write the prompt's messages as they are. The rest would flatten the
 * prompt to text and lose its images, so they refuse such a campaign.
 */
const FLATTENING_FORMATS: readonly ExportFormat[] = ["trl-implicit", "trl-kto", "hh-rlhf", "ultrafeedback"];
export function carriesImagePrompts(format: ExportFormat): boolean {
  return !FLATTENING_FORMATS.includes(format);
}
