import { HELPSTEER3_COLUMNS, toHelpSteer3Row, type PairwiseVote } from "@/server/formats/helpsteer3-row";
import type { ParquetOptions } from "@/server/formats/parquet-writer";
import { toPromptRow } from "@/server/formats/prompt-row";
import type { RankedItem } from "@/server/formats/ranking-pairs";
import { toUltraFeedbackRow, ULTRAFEEDBACK_COLUMNS } from "@/server/formats/ultrafeedback-row";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import type { RatingPayload } from "@/server/services/judgements/judgement-payload";
import type { ExportFormat } from "./export-options";
import type { ItemBundle } from "./item-bundles";

/** Published dataset shapes built from an item's raw votes, with no pair aggregation. */
export type DatasetFormat = Extract<ExportFormat, "helpsteer3" | "ultrafeedback" | "prompts">;
const DATASET_FORMATS: readonly ExportFormat[] = ["helpsteer3", "ultrafeedback", "prompts"];

export function isDatasetFormat(format: ExportFormat): format is DatasetFormat {
  return DATASET_FORMATS.includes(format);
}

export function datasetColumns(format: DatasetFormat): NonNullable<ParquetOptions["columns"]> {
  switch (format) {
    case "helpsteer3":
      return HELPSTEER3_COLUMNS;
    case "ultrafeedback":
      return ULTRAFEEDBACK_COLUMNS;
    case "prompts":
      return [{ name: "prompt", type: "json" }];
  }
}

/** The rows one item becomes: one at most, or none when its votes carry no preference. */
export function datasetRows(
  format: DatasetFormat,
  template: TemplateConfig,
  bundle: ItemBundle,
): Record<string, unknown>[] {
  const item: RankedItem = {
    ...bundle.item,
    itemExternalId: bundle.item.externalId,
    responses: bundle.responses,
  };
  if (format === "prompts") return [toPromptRow(item)];
  if (format === "helpsteer3") {
    const votes = bundle.judgements.map((j) => j.payload as PairwiseVote);
    const row = toHelpSteer3Row(item, votes);
    return row ? [{ ...row }] : [];
  }
  const attributes = template.kind === "rating" ? template.attributes.map((a) => a.name) : [];
  const ratings = bundle.judgements.map((j) => (j.payload as RatingPayload).ratings ?? {});
  const row = toUltraFeedbackRow(item, attributes, ratings);
  return row ? [{ ...row }] : [];
}
