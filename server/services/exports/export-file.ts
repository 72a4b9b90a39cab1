import { toCsv } from "@/server/formats/csv-writer";
import { toHfDatasetZip } from "@/server/formats/hf-dataset-zip";
import { jsonlText } from "@/server/formats/jsonl";
import { toParquet } from "@/server/formats/parquet-writer";
import type { SplitName } from "@/server/formats/split";
import type { ExportContext } from "./export-bundles";
import type { ExportFile } from "./export-options";
import { recordedOptions } from "./export-options";
import type { ExportRow, RowSource } from "./export-rows";

export const FILE_TYPES: Record<ExportFile, { extension: string; contentType: string }> = {
  jsonl: { extension: "jsonl", contentType: "application/x-ndjson; charset=utf-8" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  parquet: { extension: "parquet", contentType: "application/vnd.apache.parquet" },
  hf: { extension: "zip", contentType: "application/zip" },
};

/**
 * The bytes of an export file, produced as the rows are read; `counter.rows` counts rows as
 * they go by. Single files hold the split the options name (all rows by default); the
 * Hugging Face zip reads the rows twice, once per split, so nothing is held between them.
 */
export async function* exportFileBytes(
  source: RowSource,
  ctx: ExportContext,
  counter: { rows: number },
): AsyncGenerator<Uint8Array> {
  const { options } = ctx;
  const counted = async function* (split?: SplitName): AsyncGenerator<ExportRow> {
    for await (const row of source.rows(split)) {
      counter.rows++;
      yield row;
    }
  };
  const single = options.split === "all" ? undefined : options.split;
  const names = source.columns.map((c) => (typeof c === "string" ? c : c.name));
  switch (options.file) {
    case "jsonl": {
      // A page of rows becomes one string, one encode and one hash update: per-row steps
      // through async generators were a large part of an export's time.
      const line = options.format === "hh-rlhf" ? pythonStyleJsonLine : undefined;
      for await (const batch of source.batches(single)) {
        counter.rows += batch.length;
        yield Buffer.from(line ? batch.map(line).join("") : jsonlText(batch));
      }
      return;
    }
    case "csv":
      yield* inChunks(toCsv(counted(single), names));
      return;
    case "parquet":
      yield* toParquet(counted(single), { columns: source.columns });
      return;
    case "hf":
      yield* toHfDatasetZip({
        splits: [
          { name: "train", rows: counted("train") },
          { name: "test", rows: counted("test") },
        ],
        card: {
          campaign: ctx.campaign.name,
          format: options.format,
          template: ctx.campaign.template.kind,
          guidelineVersion: options.guideline_version ?? null,
          ...(ctx.judges ? { judges: ctx.judges.names } : {}),
          filters: recordedOptions(options),
        },
        parquet: { columns: source.columns },
      });
      return;
  }
}

const CHUNK_CHARS = 64 * 1024;

/**
 * Lines gathered into chunks of about 64 KiB: one encode, hash update and network write per
 * chunk instead of per line, which is most of the cost of a small row.
 */
async function* inChunks(lines: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let size = 0;
  for await (const line of lines) {
    pending.push(line);
    size += line.length;
    if (size >= CHUNK_CHARS) {
      yield encoder.encode(pending.join(""));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield encoder.encode(pending.join(""));
}

/**
 * Anthropic's HH-RLHF files were written by Python's json.dumps: `", "` and `": "` between
 * keys and values, text kept as UTF-8. Writing the same layout makes an imported file export
 * back byte for byte. The values are strings and booleans, which both encode alike.
 */
function pythonStyleJsonLine(row: ExportRow): string {
  const fields = Object.entries(row).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{${fields.join(", ")}}\n`;
}
