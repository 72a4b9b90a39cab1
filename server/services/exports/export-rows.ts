import type { Db } from "@/db/client";
import { responseSteps } from "@/server/domain/steps";
import { AI_JUDGEMENT_COLUMNS } from "@/server/formats/ai-judgement-row";
import { JUDGEMENT_COLUMNS, annotatorPseudonym, toJudgementRow } from "@/server/formats/judgement-row";
import type { ParquetOptions } from "@/server/formats/parquet-writer";
import type { RankedItem } from "@/server/formats/ranking-pairs";
import { RANKINGS_COLUMNS, toRankingsRow } from "@/server/formats/rankings-row";
import { ratingsColumns, toRatingsRows } from "@/server/formats/ratings-row";
import { splitForPrompt, type SplitName } from "@/server/formats/split";
import { STEPS_COLUMNS, TRL_STEPWISE_COLUMNS, toStepsRows, toTrlStepwiseRows } from "@/server/formats/stepwise";
import type { RatingPayload, StepsPayload } from "@/server/services/judgements/judgement-payload";
import {
  consensusLabels,
  orderFromLabels,
  outcomesFromLabels,
  outcomesPerJudgement,
} from "./consensus";
import { datasetColumns, datasetRows, isDatasetFormat } from "./dataset-rows";
import { exportBundlePages, type ExportContext } from "./export-bundles";
import type { ItemBundle } from "./item-bundles";
import { aiJudgementRows } from "./ai-judgement-rows";
import { directPairOutcomes } from "./direct-pairs";
import { itemAgreement, itemVerdicts, votesByPair, type PairOutcome } from "./pair-votes";
import { isPairFormat, keepsOutcome, pairColumns, pairRows } from "./pair-rows";

export type ExportRow = Record<string, unknown>;

export interface RowSource {
  /** Declared columns for CSV and Parquet (names, and types where inference could go wrong). */
  columns: NonNullable<ParquetOptions["columns"]>;
  /** The rows, all of them or one side of the train/test split; a fresh pass on each call. */
  rows(split?: SplitName): AsyncIterable<ExportRow>;
  /** The same rows a page of items at a time, for writers that handle a batch at once. */
  batches(split?: SplitName): AsyncIterable<ExportRow[]>;
}

/**
 * The rows of an export, item by item. An item passes the item filters (min judgements, min
 * agreement, split side) or contributes nothing; then the format decides what it becomes.
 * The split is decided per item from its prompt alone, so every row of a prompt — and every
 * pair of a K-wise group — lands on the same side.
 */
export function exportRowSource(db: Db, ctx: ExportContext): RowSource {
  const { options, campaign } = ctx;
  const template = campaign.template;
  const format = options.format;
  const kWise =
    template.kind === "ranking" || (template.kind === "rating" && template.then === "ranking");
  const attributes = template.kind === "rating" ? template.attributes.map((a) => a.name) : [];
  const baseColumns = isPairFormat(format)
    ? pairColumns(format, options, kWise, ctx.vision, { perTurn: ctx.perTurn, tools: ctx.tools, toolTurns: ctx.toolTurns })
    : format === "judgements"
      ? ctx.judges
        ? AI_JUDGEMENT_COLUMNS
        : JUDGEMENT_COLUMNS
      : format === "rankings"
        ? RANKINGS_COLUMNS
        : format === "trl-stepwise"
          ? TRL_STEPWISE_COLUMNS
          : format === "steps"
            ? STEPS_COLUMNS
            : isDatasetFormat(format)
              ? datasetColumns(format)
              : ratingsColumns(attributes);
  // Judge verdicts name their judge: pair and raw rows do so themselves, the per-item rows here.
  const namesJudges = ctx.judges !== undefined && ["rankings", "ratings", "ultrafeedback"].includes(format);
  const columns: RowSource["columns"] = namesJudges ? [...baseColumns, { name: "judge", type: "string" }] : baseColumns;

  function itemRows(bundle: ItemBundle): ExportRow[] {
    const rows = rowsOf(bundle);
    if (!namesJudges) return rows;
    const judges = [...new Set(bundle.judgements.map((j) => j.judge ?? ""))].sort().join(", ");
    return rows.map((row) => ("judge" in row ? row : { ...row, judge: judges }));
  }

  function rowsOf(bundle: ItemBundle): ExportRow[] {
    // A prompt needs no judgement to be worth training on; every other row is made of them.
    if (bundle.judgements.length < options.min_judgements) return [];
    if (format === "prompts") return datasetRows(format, template, bundle);
    if (bundle.judgements.length === 0) return [];
    if (isDatasetFormat(format)) return datasetRows(format, template, bundle);
    if (format === "judgements" && ctx.judges) return aiJudgementRows(bundle);
    if (format === "judgements") {
      return bundle.judgements.map(({ detail, ...judgement }) => {
        if (!detail) throw new Error("the raw export walks with judgement details");
        return toJudgementRow({
          judgement: { ...judgement, ...detail },
          item: bundle.item,
          responses: bundle.responses,
          annotatorSalt: ctx.salt,
        });
      });
    }
    if (format === "trl-stepwise" || format === "steps") return stepRows(bundle);
    if (isPairFormat(format) && options.aggregation === "none" && options.min_agreement === 0) {
      const direct = directPairOutcomes(bundle, options.margin);
      if (direct) return outcomeRows(direct);
    }
    const verdicts = itemVerdicts(bundle, options.margin);
    const pairs = votesByPair(bundle, verdicts);
    if (options.min_agreement > 0 && itemAgreement(pairs) < options.min_agreement) return [];
    const ranked: RankedItem = {
      ...bundle.item,
      itemExternalId: bundle.item.externalId,
      responses: bundle.responses,
    };
    if (format === "ratings") {
      const ratings = bundle.judgements.map((j) => (j.payload as RatingPayload).ratings ?? {});
      return toRatingsRows(ranked, attributes, ratings);
    }
    if (options.aggregation === "none") {
      if (format === "rankings") {
        return verdicts.flatMap((v) =>
          v.verdict.kind === "order"
            ? [{ ...toRankingsRow(ranked, v.verdict.groups), ...(v.judge === undefined ? {} : { judge: v.judge }) }]
            : [],
        );
      }
      return outcomeRows(outcomesPerJudgement(bundle, verdicts, pairs));
    }
    const labels = consensusLabels(bundle, verdicts, pairs, options.aggregation, ctx.dsLabels);
    if (format === "rankings") {
      return labels.size ? [toRankingsRow(ranked, orderFromLabels(bundle, pairs, labels))] : [];
    }
    return outcomeRows(outcomesFromLabels(bundle, pairs, labels));
  }

  function stepRows(bundle: ItemBundle): ExportRow[] {
    if (template.kind !== "steps") return [];
    const split = template.split;
    const responses = bundle.responses.map((r) => ({ ...r, steps: responseSteps(r, split) }));
    const judgements = bundle.judgements.map((j) => ({
      id: j.id,
      annotator: annotatorPseudonym(j.annotatorId, ctx.salt),
      labels: (j.payload as StepsPayload).steps ?? {},
    }));
    if (format === "steps") return toStepsRows(bundle.item, responses, judgements);
    return toTrlStepwiseRows(bundle.item, responses, judgements, options.aggregation === "majority" ? "majority" : "none");
  }

  function outcomeRows(outcomes: PairOutcome[]): ExportRow[] {
    if (!isPairFormat(format)) return [];
    // A loop rather than filter + flatMap: two fewer arrays per item at a million rows.
    const rows: ExportRow[] = [];
    for (const outcome of outcomes) {
      if (!keepsOutcome(outcome, options)) continue;
      for (const row of pairRows(format, outcome, options, ctx.vision)) rows.push(row);
    }
    return rows;
  }

  async function* batches(split?: SplitName): AsyncGenerator<ExportRow[]> {
    const splitOptions = { seed: options.seed, testFraction: options.test_fraction };
    for await (const page of exportBundlePages(db, { ctx })) {
      const batch: ExportRow[] = [];
      for (const bundle of page) {
        if (split && splitForPrompt(bundle.item.prompt, splitOptions) !== split) continue;
        for (const row of itemRows(bundle)) batch.push(row);
      }
      if (batch.length) yield batch;
    }
  }

  return {
    columns,
    batches,
    async *rows(split) {
      for await (const batch of batches(split)) yield* batch;
    },
  };
}
