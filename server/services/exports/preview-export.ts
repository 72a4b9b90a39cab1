import type { Db } from "@/db/client";
import { prepareExport } from "./export-context";
import type { ExportOptionsInput } from "./export-options";
import { exportRowSource, type ExportRow } from "./export-rows";
import { loadExportSetup } from "./load-export-setup";

export interface ExportPreview {
  rows: number;
  sample: ExportRow[];
}

/**
 * What an export with these options would hold: its row count and first rows. Rows are
 * built but never serialised, hashed or recorded, so a preview costs one read of the data
 * and leaves no trace in the export history. A single-file export counts the split it names;
 * the Hugging Face zip counts both sides.
 */
export async function previewExport(
  db: Db,
  params: {
    campaignId: string;
    options?: ExportOptionsInput | Record<string, unknown>;
    sampleSize?: number;
  },
): Promise<ExportPreview> {
  const { campaign, options } = await loadExportSetup(db, params);
  const ctx = await prepareExport(db, { campaign, options });
  const source = exportRowSource(db, ctx);
  const sampleSize = params.sampleSize ?? 3;
  const split = options.file === "hf" || options.split === "all" ? undefined : options.split;
  const preview: ExportPreview = { rows: 0, sample: [] };
  for await (const row of source.rows(split)) {
    if (preview.sample.length < sampleSize) preview.sample.push(row);
    preview.rows++;
  }
  return preview;
}
