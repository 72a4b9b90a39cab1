import { z } from "zod";
import { MARGIN_SCALES } from "@/server/formats/margins";

export const EXPORT_FORMATS = [
  "trl",
  "trl-implicit",
  "trl-kto",
  "openai-dpo",
  "hh-rlhf",
  "judgements",
  "rankings",
  "ratings",
  "trl-stepwise",
  "steps",
  "helpsteer3",
  "ultrafeedback",
  "prompts",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Whose verdicts an export holds: the annotators' judgements, or the LLM judges' verdicts
 * (RLAIF data; suggestions, DESIGN §15), in the same formats.
 */
export const EXPORT_SOURCES = ["judgements", "ai-judgements"] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export const EXPORT_FILES = ["jsonl", "csv", "parquet", "hf"] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export const AGGREGATIONS = [
  "none",
  "majority",
  "bradley-terry",
  "ranked-pairs",
  "dawid-skene",
] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Pair formats: a response travels as assistant text, so they hold text responses only. */
export type PairFormat = Extract<ExportFormat, "trl" | "trl-implicit" | "trl-kto" | "openai-dpo" | "hh-rlhf">;
export const PAIR_FORMATS: readonly ExportFormat[] = ["trl", "trl-implicit", "trl-kto", "openai-dpo", "hh-rlhf"];

/** Formats whose consumers cannot express a tie or a both-bad verdict as a pair. */
export const STRICT_PAIR_FORMATS: readonly ExportFormat[] = ["trl", "trl-implicit", "openai-dpo"];

/**
 * Query strings carry every value as text, the tRPC router and the CLI carry real types: each
 * field accepts both, so one schema serves all three and they can never disagree on a default.
 */
const flag = z.union([
  z.boolean(),
  z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1"),
]);
const count = z.coerce.number().int().min(0).max(1000);
const fraction = z.coerce.number().min(0).max(1);

export const exportOptionsSchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS).default("trl"),
    source: z
      .enum(EXPORT_SOURCES)
      .default("judgements")
      .describe(
        "Whose verdicts: the annotators' judgements, or the LLM judges' verdicts (ai-judgements, RLAIF data) in the same format; rows then name their judge (a `judge` column; OpenAI DPO rows, validated strictly by OpenAI, carry none)",
      ),
    judge: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("With source=ai-judgements: one judge's verdicts, by name (each judge's newest run); every judge's by default"),
    inconsistent: z
      .enum(["drop", "keep"])
      .default("drop")
      .describe(
        "With source=ai-judgements: a verdict that flipped when the responses were swapped (or whose other order never arrived) is dropped unless kept; kept, each order is its own vote",
      ),
    file: z.enum(EXPORT_FILES).default("jsonl"),
    aggregation: z.enum(AGGREGATIONS).default("none"),
    ties: z.enum(["drop", "keep"]).default("drop"),
    both_bad: z.enum(["drop", "keep"]).default("drop"),
    margin: z.enum(MARGIN_SCALES).default("none"),
    min_judgements: count.default(0),
    min_agreement: fraction.default(0),
    exclude_gold: flag.default(false),
    /** Probe repeats give one annotator two votes on an item, so they stay out unless asked. */
    exclude_probes: flag.default(true),
    min_gold_accuracy: fraction.optional(),
    guideline_version: z.coerce.number().int().positive().optional(),
    /** An item an admin adjudicated exports that verdict as its only vote. */
    prefer_adjudicated: flag.default(false),
    test_fraction: fraction.default(0),
    seed: z.string().max(200).default("arbiter"),
    /** Which side of the split a single-file export holds; the hf zip always holds both. */
    split: z.enum(["all", "train", "test"]).default("all"),
  })
  .superRefine((o, ctx) => {
    if (o.source === "ai-judgements") {
      // Judge verdicts record no guideline version, have no gold accuracy, and adjudications
      // settle the humans' disputes: these filters would silently mean nothing.
      const human = { guideline_version: o.guideline_version !== undefined, min_gold_accuracy: o.min_gold_accuracy !== undefined, prefer_adjudicated: o.prefer_adjudicated };
      for (const [key, set] of Object.entries(human)) {
        if (set) ctx.addIssue({ code: "custom", path: [key], message: `${key} filters annotators' judgements; it does not apply to ai-judgements` });
      }
    } else {
      for (const key of ["judge", "inconsistent"] as const) {
        if (key === "judge" ? o.judge !== undefined : o.inconsistent !== "drop")
          ctx.addIssue({ code: "custom", path: [key], message: `${key} applies to source=ai-judgements only` });
      }
    }
    if (o.ties === "keep" && [...STRICT_PAIR_FORMATS, "trl-kto"].includes(o.format)) {
      ctx.addIssue({
        code: "custom",
        path: ["ties"],
        message: `${o.format} cannot express a tie (TRL and OpenAI reject such rows): use ties=drop, or export hh-rlhf, rankings or judgements`,
      });
    }
    if (o.both_bad === "keep" && STRICT_PAIR_FORMATS.includes(o.format)) {
      ctx.addIssue({
        code: "custom",
        path: ["both_bad"],
        message: `${o.format} cannot express "both bad": use both_bad=drop, or export trl-kto (both completions labelled false) or hh-rlhf`,
      });
    }
  });

export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;

/** The options as recorded with an export: only what differs from the defaults. */
export function recordedOptions(options: ExportOptions): Record<string, unknown> {
  const defaults = exportOptionsSchema.parse({ format: options.format });
  const recorded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === "format" || key === "file") continue;
    if (value !== undefined && value !== (defaults as Record<string, unknown>)[key])
      recorded[key] = value;
  }
  return recorded;
}

/** The download query that runs a recorded export again (the history's "Run again"). */
export function rerunQuery(record: {
  format: string;
  file: string;
  options: Record<string, unknown>;
}): string {
  const params = new URLSearchParams({ format: record.format, file: record.file });
  for (const [key, value] of Object.entries(record.options)) params.set(key, String(value));
  return params.toString();
}
