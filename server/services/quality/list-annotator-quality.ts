import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, users } from "@/db/schema";
import { quantile } from "@/server/stats";
import {
  consensusAgreement,
  goldAccuracy,
  lengthBias,
  medianActiveSeconds,
  pairVotes,
  positionBias,
  selfConsistency,
  type Share,
} from "./annotator-signals";
import { countedJudgements, loadQualityData, type QualityJudgement } from "./load-quality-data";
import { QUALITY_THRESHOLDS as T, type AnnotatorFlag } from "./quality-thresholds";
import { rubberStamping, suggestionUse, type SuggestionUse } from "./suggestion-signals";

export interface AnnotatorQuality {
  annotator: { id: string; email: string };
  judgements: number;
  skipped: number;
  medianActiveSeconds: number | null;
  gold: { accuracy: number | null; n: number };
  consensus: { agreement: number | null; kappa: number | null; n: number };
  selfConsistency: { agreement: number | null; n: number };
  positionBias: Share;
  lengthBias: Share;
  /** LLM suggestions shown, agreement with them, and fast acceptances (DESIGN §15). */
  suggestions: SuggestionUse;
  flags: AnnotatorFlag[];
  /** Paused in this campaign: gets no new tasks. */
  paused: boolean;
  /** Left out of exports and statistics. */
  excluded: boolean;
}

/**
 * DESIGN §9 per-annotator quality, for every member and anyone who judged. Excluded
 * annotators are still measured (against everyone else's consensus), but never count in the
 * consensus others are measured against.
 */
export async function listAnnotatorQuality(
  db: Db,
  params: { campaignId: string },
): Promise<AnnotatorQuality[]> {
  const data = await loadQualityData(db, { campaignId: params.campaignId });
  const campaignId = data.campaign.id;
  const members = await db
    .select({ userId: campaignMembers.userId, status: campaignMembers.status })
    .from(campaignMembers)
    .where(eq(campaignMembers.campaignId, campaignId));
  const skips = await db
    .select({ userId: assignments.annotatorId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, "skipped")))
    .groupBy(assignments.annotatorId);

  const byAnnotator = new Map<string, QualityJudgement[]>();
  for (const m of members) byAnnotator.set(m.userId, []);
  for (const j of data.judgements) {
    const list = byAnnotator.get(j.annotatorId) ?? [];
    list.push(j);
    byAnnotator.set(j.annotatorId, list);
  }
  const ids = [...byAnnotator.keys()];
  const emails = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.email]),
  );
  const paused = new Set(members.filter((m) => m.status === "paused").map((m) => m.userId));
  const skipped = new Map(skips.map((s) => [s.userId, Number(s.n)]));
  const votes = pairVotes(data, countedJudgements(data));

  const rows = ids.map((id): AnnotatorQuality => {
    const own = byAnnotator.get(id) ?? [];
    const timing = medianActiveSeconds(own);
    return {
      annotator: { id, email: emails.get(id) ?? "" },
      judgements: own.length,
      skipped: skipped.get(id) ?? 0,
      medianActiveSeconds: timing.seconds,
      gold: goldAccuracy(own, data),
      consensus: consensusAgreement(id, own, data, votes),
      selfConsistency: selfConsistency(own, data),
      positionBias: positionBias(own, data),
      lengthBias: lengthBias(own, data),
      suggestions: suggestionUse(own),
      flags: [],
      paused: paused.has(id),
      excluded: data.excluded.has(id),
    };
  });

  const medians = rows.flatMap((r) =>
    r.medianActiveSeconds === null ? [] : [r.medianActiveSeconds],
  );
  const typical = medians.length ? quantile(medians, 0.5) : null;
  for (const row of rows)
    row.flags = flagsFor(row, typical, byAnnotator.get(row.annotator.id) ?? []);
  return rows.sort((a, b) => a.annotator.email.localeCompare(b.annotator.email));
}

function flagsFor(
  row: AnnotatorQuality,
  typicalSeconds: number | null,
  own: readonly QualityJudgement[],
): AnnotatorFlag[] {
  const flags: AnnotatorFlag[] = [];
  const biased = (s: Share) => s.pValue !== null && s.pValue < T.biasPValue;
  if (biased(row.positionBias)) flags.push("position_bias");
  if (biased(row.lengthBias)) flags.push("length_bias");
  if (row.gold.accuracy !== null && row.gold.n >= T.minGold && row.gold.accuracy < T.goldAccuracy) {
    flags.push("low_gold_accuracy");
  }
  if (
    row.consensus.agreement !== null &&
    row.consensus.n >= T.minConsensus &&
    row.consensus.agreement < T.consensusAgreement
  ) {
    flags.push("low_agreement");
  }
  if (
    row.selfConsistency.agreement !== null &&
    row.selfConsistency.n >= T.minProbes &&
    row.selfConsistency.agreement < T.selfConsistency
  ) {
    flags.push("low_self_consistency");
  }
  const timed = own.filter((j) => j.activeMs !== null).length;
  if (row.medianActiveSeconds !== null && timed >= T.minTimed) {
    const limit = Math.max(T.tooFastFloorSeconds, (typicalSeconds ?? 0) * T.tooFastShare);
    if (row.medianActiveSeconds < limit) flags.push("too_fast");
  }
  if (rubberStamping(row.suggestions)) flags.push("rubber_stamping");
  return flags;
}
