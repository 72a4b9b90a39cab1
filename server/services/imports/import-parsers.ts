import type { ImportFormat, ParsedRecord } from "@/server/formats/import-types";
import { parseNativeJsonl } from "@/server/formats/native-jsonl";

/** Each import format's streaming parser, by the name REST, CLI and UI use. */
export const IMPORT_PARSERS: Record<
  ImportFormat,
  (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<ParsedRecord>
> = {
  native: (chunks) => parseNativeJsonl(chunks),
};
