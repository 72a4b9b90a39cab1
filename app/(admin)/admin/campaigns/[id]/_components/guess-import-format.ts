import type { ImportFormat } from "@/server/formats/import-types";

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  native: "Native JSONL",
  trl: "TRL preference JSONL",
  "hh-rlhf": "HH-RLHF transcripts JSONL",
  "openai-dpo": "OpenAI preference JSONL",
  csv: "CSV with a header",
};

/**
 * A first guess from the file name, which the admin can always override: the contents, not the
 * name, decide whether the import succeeds.
 */
export function guessImportFormat(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".csv")) return "csv";
  if (/(^|[^a-z])(hh|hh-rlhf|hh_rlhf|anthropic)([^a-z]|$)|hh-?rlhf/.test(name)) return "hh-rlhf";
  if (/openai|dpo/.test(name)) return "openai-dpo";
  if (/(^|[^a-z])trl([^a-z]|$)|ultrafeedback|preference/.test(name)) return "trl";
  if (/\.(jsonl|ndjson|json)$/.test(name)) return "native";
  return null;
}
