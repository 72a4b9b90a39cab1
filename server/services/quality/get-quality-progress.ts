import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, judgements } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";

export interface QualityProgress {
  /** One entry per UTC day with a judgement, oldest first. */
  perDay: { day: string; judgements: number }[];
  needed: number;
  done: number;
  /** Judgements per day over the last 7 days (fewer when the campaign is younger). */
  recentRate: number | null;
  /** When the campaign completes at the recent rate; null when nothing is moving or it is done. */
  eta: string | null;
}

const RATE_WINDOW_DAYS = 7;

/** Progress over time for the Quality tab: first answers per day and an ETA at the recent pace. */
export async function getQualityProgress(
  db: Db,
  params: { campaignId: string; now?: Date },
): Promise<QualityProgress> {
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db
    .select({ id: campaigns.id, overlap: campaigns.overlap })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  const day = sql<string>`to_char(date_trunc('day', ${judgements.submittedAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const perDay = await db
    .select({ day, judgements: sql<number>`count(*)::int` })
    .from(judgements)
    .where(and(eq(judgements.campaignId, campaign.id), isNull(judgements.revisionOf)))
    .groupBy(day)
    .orderBy(day);
  const [totals] = await db
    .select({
      needed: sql<number>`(count(*) * ${campaign.overlap})::int`,
      done: sql<number>`coalesce(sum(least(${items.judgementCount}, ${campaign.overlap})), 0)::int`,
    })
    .from(items)
    .where(eq(items.campaignId, campaign.id));
  const needed = Number(totals?.needed ?? 0);
  const done = Number(totals?.done ?? 0);

  // The pace over the last week, or over the days since the first judgement if that is shorter.
  const now = params.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const first = perDay[0]?.day ?? today;
  const daysActive = Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000) + 1;
  const windowDays = Math.min(RATE_WINDOW_DAYS, Math.max(1, daysActive));
  const since = new Date(Date.parse(today) - (windowDays - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const recent = perDay.filter((d) => d.day >= since);
  const recentRate = recent.length
    ? recent.reduce((s, d) => s + Number(d.judgements), 0) / windowDays
    : null;
  const remaining = needed - done;
  const eta =
    remaining > 0 && recentRate
      ? new Date(now.getTime() + (remaining / recentRate) * 86_400_000).toISOString()
      : null;
  return {
    perDay: perDay.map((d) => ({ day: d.day, judgements: Number(d.judgements) })),
    needed,
    done,
    recentRate,
    eta,
  };
}
