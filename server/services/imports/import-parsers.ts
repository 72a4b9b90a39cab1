import type { ImportFormat, ParsedRecord } from "@/server/formats/import-types";
import { parseCsv } from "@/server/formats/csv-import";
import { parseHhRlhfJsonl } from "@/server/formats/hh-rlhf-jsonl";
import { parseNativeJsonl } from "@/server/formats/native-jsonl";
import { parseOpenAiDpoJsonl } from "@/server/formats/openai-dpo-jsonl";
import { parseTrlJsonl } from "@/server/formats/trl-jsonl";

/** Each import format's streaming parser, by the name REST, CLI and UI use. */
export const IMPORT_PARSERS: Record<
  ImportFormat,
  (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<ParsedRecord>
> = {
  native: (chunks) => parseNativeJsonl(chunks),
  trl: (chunks) => parseTrlJsonl(chunks),
  "hh-rlhf": (chunks) => parseHhRlhfJsonl(chunks),
  "openai-dpo": (chunks) => parseOpenAiDpoJsonl(chunks),
  csv: (chunks) => parseCsv(chunks),
};
