import type { Db } from "@/db/client";
import { adjudicatedJudgement, type AdjudicatedVerdict } from "./adjudicated-votes";
import type { Campaign, ItemKind } from "@/db/schema";
import type { ExportOptions } from "./export-options";
import { iterateItemBundles, type BundledJudgement, type ItemBundle, type JudgeWalk } from "./item-bundles";
import { turnBundles } from "./turn-bundles";
import type { PairLabel } from "./verdicts";

/** Everything an export decides once, before the first row: all passes share one snapshot. */
export interface ExportContext {
  campaign: Campaign;
  options: ExportOptions;
  /** Null when the campaign has no judgement yet (every row source is then empty). */
  maxSeq: number | null;
  excludedAnnotators: ReadonlySet<string>;
  dsLabels: ReadonlyMap<string, PairLabel>;
  /** Keys the annotator pseudonyms of this campaign. */
  salt: string;
  /**
   * True when any item's prompt is a conversation: then every row is written as one (a text
   * prompt is a one-message conversation), because TRL and `datasets` need one format per
   * column across the whole file, not just per row.
   */
  conversational: boolean;
  /** True when any item's prompt holds an image: then TRL rows are written in the vision shape. */
  vision: boolean;
  /**
   * A per-turn campaign exported as pairs: each item walks as one bundle per compared turn
   * (turn-bundles.ts), so every pass (Dawid–Skene, rows) sees (item, turn) as its unit.
   */
  perTurn: boolean;
  /** Whether any item came with tool definitions: CSV and Parquet files then declare a `tools` column. */
  tools: boolean;
  /** Whether any message calls a tool or returns a result: Parquet message columns then carry those fields. */
  toolTurns: boolean;
  /** Whether judgements must be checked for probe assignments (see hasProbeAssignments). */
  probesToExclude: boolean;
  /** Whether any judgement in the snapshot was revised (see hasRevisions). */
  revised: boolean;
  /** With `prefer_adjudicated`: adjudicated items, whose verdict replaces their votes. */
  adjudicated?: ReadonlyMap<string, AdjudicatedVerdict>;
  /** With source ai-judgements: whose verdicts stand in for the judgements (see JudgeWalk). */
  judges?: JudgeWalk;
}

/** The item kinds an export reads: gold and probe items can be left out. */
export function exportedKinds(options: ExportOptions): ItemKind[] {
  const kinds: ItemKind[] = ["regular"];
  if (!options.exclude_gold) kinds.push("gold");
  if (!options.exclude_probes) kinds.push("probe");
  return kinds;
}

/** The judgement filters every pass applies: guideline version, probes, excluded annotators. */
export function keepJudgement(
  j: BundledJudgement,
  ctx: ExportContext,
  applyExclusions = true,
): boolean {
  const { options } = ctx;
  if (options.guideline_version !== undefined && j.guidelineVersion !== options.guideline_version)
    return false;
  if (options.exclude_probes && j.purpose === "probe") return false;
  return !(applyExclusions && ctx.excludedAnnotators.has(j.annotatorId));
}

/** The campaign's items with only the judgements this export counts, one by one. */
export async function* exportBundles(
  db: Db,
  params: { ctx: ExportContext; kinds?: readonly ItemKind[]; applyExclusions?: boolean },
): AsyncGenerator<ItemBundle> {
  for await (const page of exportBundlePages(db, params)) yield* page;
}

/** The same, a page at a time: what the row writers read, to step once per page. */
export async function* exportBundlePages(
  db: Db,
  params: { ctx: ExportContext; kinds?: readonly ItemKind[]; applyExclusions?: boolean },
): AsyncGenerator<ItemBundle[]> {
  const { ctx } = params;
  // Prompt-only rows need no judgement, so that export walks a campaign nobody judged yet;
  // nor do judge verdicts.
  const maxSeq = ctx.maxSeq ?? (ctx.options.format === "prompts" || ctx.judges ? 0 : null);
  if (maxSeq === null) return;
  const pages = iterateItemBundles(db, {
    campaignId: ctx.campaign.id,
    maxSeq,
    kinds: params.kinds ?? exportedKinds(ctx.options),
    withPurpose: ctx.probesToExclude,
    withRevisions: ctx.revised,
    withDetail: ctx.options.format === "judgements",
    withMetadata: ctx.options.format === "helpsteer3",
    judges: ctx.judges,
  });
  const applyExclusions = params.applyExclusions ?? true;
  // Most exports filter nothing here: then the bundles pass through without a copy each.
  const adjudicated = ctx.adjudicated ?? new Map<string, AdjudicatedVerdict>();
  const filters =
    ctx.options.guideline_version !== undefined ||
    ctx.probesToExclude ||
    adjudicated.size > 0 ||
    (applyExclusions && ctx.excludedAnnotators.size > 0);
  for await (const page of pages) {
    if (!filters && !ctx.conversational) {
      yield ctx.perTurn ? page.flatMap(turnBundles) : page;
      continue;
    }
    const kept = page.map((bundle) => {
      const verdict = adjudicated.get(bundle.item.id);
      const kept = verdict
        ? [adjudicatedJudgement(verdict, bundle, ctx.campaign.guidelineVersion)]
        : filters
          ? bundle.judgements.filter((j) => keepJudgement(j, ctx, applyExclusions))
          : bundle.judgements;
      const item = ctx.conversational
        ? { ...bundle.item, promptFormat: "messages" as const }
        : bundle.item;
      return { ...bundle, item, judgements: kept };
    });
    yield ctx.perTurn ? kept.flatMap(turnBundles) : kept;
  }
}
