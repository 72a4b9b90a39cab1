import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items, type Campaign } from "@/db/schema";
import { loadAdjudications } from "./adjudicated-votes";
import { dawidSkeneLabels } from "./dawid-skene-labels";
import type { ExportOptions } from "./export-options";
import { goldAccuracy } from "./gold-accuracy";
import { judgeWalk } from "./judge-walk";
import type { ExportContext } from "./export-bundles";
import { PAIR_FORMATS } from "./export-options";
import {
  hasImagePrompt,
  hasMessageResponses,
  hasProbeAssignments,
  hasRevisions,
  hasToolDefinitions,
  hasToolTurns,
  snapshotSeq,
} from "./snapshot-checks";

export async function prepareExport(
  db: Db,
  params: { campaign: Campaign; options: ExportOptions },
): Promise<ExportContext> {
  const { campaign, options } = params;
  const maxSeq = await snapshotSeq(db, { campaignId: campaign.id });
  const template = campaign.template;
  // Formats that write a pair of answers: per-turn items become one pair per turn for them.
  const paired = PAIR_FORMATS.includes(options.format) || options.format === "helpsteer3";
  const perTurn = paired && template.kind === "pairwise" && Boolean(template.per_turn);
  // An answer with tool turns, or a turn asked after earlier ones, is a conversation.
  const messageAnswers = paired && (await hasMessageResponses(db, campaign.id));
  const ctx: ExportContext = {
    campaign,
    options,
    maxSeq,
    // Annotators the campaign excludes (DESIGN §9) leave every format here, in one place.
    excludedAnnotators: new Set(campaign.excludedAnnotators),
    dsLabels: new Map(),
    salt: campaign.pseudonymSalt,
    conversational: messageAnswers || (await hasConversationPrompt(db, campaign.id)),
    perTurn,
    // Only pair formats have tool columns (pairColumns): other exports skip both scans.
    tools: paired && (await hasToolDefinitions(db, campaign.id)),
    toolTurns: paired && (await hasToolTurns(db, campaign.id)),
    vision: await hasImagePrompt(db, campaign.id),
    probesToExclude:
      options.exclude_probes && (await hasProbeAssignments(db, { campaignId: campaign.id })),
    revised: maxSeq !== null && (await hasRevisions(db, { campaignId: campaign.id, maxSeq })),
  };
  if (options.source === "ai-judgements") {
    ctx.judges = await judgeWalk(db, { campaign, options });
    // Judges are not annotators: the campaign's exclusions are about people.
    ctx.excludedAnnotators = new Set();
  }
  if (options.min_gold_accuracy !== undefined && maxSeq !== null) {
    const accuracy = await goldAccuracy(db, { ctx });
    const threshold = options.min_gold_accuracy;
    ctx.excludedAnnotators = new Set([
      ...ctx.excludedAnnotators,
      ...[...accuracy].filter(([, a]) => a.correct / a.total < threshold).map(([id]) => id),
    ]);
  }
  // After the gold pass: an adjudication must not stand in for annotators' gold answers.
  if (options.prefer_adjudicated) ctx.adjudicated = await loadAdjudications(db, { campaignId: campaign.id });
    if (options.aggregation === "dawid-skene" && maxSeq !== null) {
    ctx.dsLabels = await dawidSkeneLabels(db, { ctx });
  }
  return ctx;
}

async function hasConversationPrompt(db: Db, campaignId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.campaignId, campaignId), eq(items.promptFormat, "messages")))
    .limit(1);
  return found !== undefined;
}
