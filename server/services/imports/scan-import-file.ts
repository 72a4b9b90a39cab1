import type { TemplateKind } from "@/server/services/campaigns/template-config";
import { RESPONSE_COUNT_BOUNDS } from "@/server/services/campaigns/template-config";
import {
  ByteLimitExceeded,
  GzipError,
  gunzipIfNeeded,
  limitBytes,
} from "@/server/formats/byte-streams";
import type { ImportedItem, ImportFormat, ImportProblem } from "@/server/formats/import-types";
import { formatBytes } from "@/server/formats/read-lines";
import { AppError } from "@/server/errors";
import { IMPORT_PARSERS } from "./import-parsers";

export const MAX_REPORTED_PROBLEMS = 100;
const BATCH_SIZE = 1000;

export interface ImportScan {
  /** Records the parser produced, good or bad; 0 means the file held nothing. */
  records: number;
  /** Items that passed every check. */
  valid: number;
  /** The first MAX_REPORTED_PROBLEMS problems, in file order. */
  problems: ImportProblem[];
  problemCount: number;
}

/**
 * The one validation pass that import and preview share, so a preview never promises what the
 * import then refuses: decompress, cap the size, parse, check the response count against the
 * template and ids against the rest of the file. Valid items are handed on in batches together
 * with whether the file has been free of problems so far (the import stops writing at the first problem,
 * but keeps reading so that every problem is reported).
 */
export async function scanImportFile(params: {
  format: ImportFormat;
  body: AsyncIterable<Uint8Array>;
  maxBytes: number;
  templateKind: TemplateKind;
  onBatch: (batch: ImportedItem[], clean: boolean) => Promise<void>;
}): Promise<ImportScan> {
  const parse = IMPORT_PARSERS[params.format];
  const bounds = RESPONSE_COUNT_BOUNDS[params.templateKind];
  const scan: ImportScan = { records: 0, valid: 0, problems: [], problemCount: 0 };
  const report = (found: ImportProblem[]) => {
    scan.problemCount += found.length;
    for (const p of found) if (scan.problems.length < MAX_REPORTED_PROBLEMS) scan.problems.push(p);
  };
  const firstLineOf = new Map<string, number>();
  let batch: ImportedItem[] = [];
  const flush = async () => {
    if (batch.length > 0) await params.onBatch(batch, scan.problemCount === 0);
    batch = [];
  };

  // A gzip bomb is capped too: the decompressed stream may be at most 20× the upload limit.
  const bytes = limitBytes(
    gunzipIfNeeded(limitBytes(params.body, params.maxBytes)),
    params.maxBytes * 20,
  );
  try {
    for await (const record of parse(bytes)) {
      scan.records++;
      if ("problems" in record) {
        report(record.problems);
        continue;
      }
      const { item, line } = record;
      const count = item.responses.length;
      // No responses at all is a prompt-only item: it waits, unclaimable, for a generation job.
      if (count === 0 && item.gold !== undefined) {
        report([{ line, field: "gold", message: "A gold item needs its responses; only plain prompts can be generated" }]);
        continue;
      }
      if (count !== 0 && (count < bounds.min || count > bounds.max)) {
        const wanted =
          bounds.min === bounds.max ? `${bounds.min}` : `${bounds.min} to ${bounds.max}`;
        report([
          {
            line,
            field: "responses",
            message: `A ${params.templateKind} campaign needs ${wanted} responses per item, this one has ${count}`,
          },
        ]);
        continue;
      }
      const firstLine = firstLineOf.get(item.externalId);
      if (firstLine !== undefined) {
        report([
          {
            line,
            field: "id",
            message: `Id "${item.externalId}" already appears on line ${firstLine}`,
          },
        ]);
        continue;
      }
      firstLineOf.set(item.externalId, line);
      scan.valid++;
      batch.push(item);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    await flush();
  } catch (error) {
    throw translateStreamError(error);
  }
  return scan;
}

function translateStreamError(error: unknown): unknown {
  if (error instanceof ByteLimitExceeded) {
    return new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${formatBytes(error.limit)}`);
  }
  if (error instanceof GzipError) return new AppError("BAD_REQUEST", error.message);
  return error;
}
