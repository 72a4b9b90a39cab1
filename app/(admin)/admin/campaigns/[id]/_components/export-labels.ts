import type { Aggregation, ExportFile, ExportFormat, ExportSource } from "@/server/services/exports/export-options";

/** What the export form calls each format, file and aggregation. */
// Records keyed by the server's unions: adding a format there fails the build here.
export const FORMATS: Record<ExportFormat, string> = {
  trl: "TRL preference (explicit prompt)",
  "trl-implicit": "TRL preference (implicit prompt)",
  "trl-kto": "TRL unpaired (KTO)",
  "openai-dpo": "OpenAI DPO",
  "hh-rlhf": "Anthropic HH-RLHF",
  judgements: "Raw judgements",
  rankings: "Rankings (Nectar-like)",
  ratings: "Ratings (HelpSteer2-like)",
  helpsteer3: "HelpSteer3 preference (−3..3, with reasoning)",
  ultrafeedback: "UltraFeedback binarized (scores from ratings)",
  prompts: "Prompts only (GRPO / RLOO)",
  "trl-stepwise": "TRL stepwise supervision (PRM)",
  steps: "Step labels, every annotator (PRM800K-like)",
};
export const FILES: Record<ExportFile, string> = {
  jsonl: "JSONL",
  csv: "CSV",
  parquet: "Parquet",
  hf: "Hugging Face dataset (zip)",
};
export const AGGREGATIONS: Record<Aggregation, string> = {
  none: "None (every judgement)",
  majority: "Majority",
  "bradley-terry": "Bradley–Terry",
  "ranked-pairs": "Ranked pairs",
  "dawid-skene": "Dawid–Skene",
};
export const SOURCES: Record<ExportSource, string> = {
  judgements: "Annotators (judgements)",
  "ai-judgements": "LLM judges (ai-judgements, RLAIF)",
};
