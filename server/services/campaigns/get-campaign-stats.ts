import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import { countIdentityLeaks, type IdentityLeakCounts } from "@/server/services/leaks/count-identity-leaks";

export interface AnnotatorStats {
  userId: string;
  email: string;
  submitted: number;
  skipped: number;
  /** Tasks the annotator holds right now. */
  inProgress: number;
}

export interface CampaignStats {
  campaignId: string;
  status: string;
  overlap: number;
  items: number;
  judgements: number;
  /** Items that have all N judgements. */
  completedItems: number;
  annotators: AnnotatorStats[];
  /** Items the identity-leak guard flagged, and where they stand. */
  identityLeaks: IdentityLeakCounts;
}

/**
 * Progress numbers for one campaign (admins; DESIGN §13 `/stats`). Counts come from the
 * per-item counters and one grouped pass over assignments, never from scanning judgements.
 */
export async function getCampaignStats(
  db: Db,
  params: { campaignId: string },
): Promise<CampaignStats> {
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db
    .select({ id: campaigns.id, status: campaigns.status, overlap: campaigns.overlap })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");

  const [progress] = await db
    .select({
      items: sql<number>`count(*)::int`,
      judgements: sql<number>`coalesce(sum(${items.judgementCount}), 0)::int`,
      completedItems: sql<number>`(count(*) filter (where ${items.judgementCount} >= ${campaign.overlap}))::int`,
    })
    .from(items)
    .where(eq(items.campaignId, campaign.id));

  const perAnnotator = await db
    .select({
      userId: users.id,
      email: users.email,
      submitted: sql<number>`(count(*) filter (where ${assignments.status} = 'submitted'))::int`,
      skipped: sql<number>`(count(*) filter (where ${assignments.status} = 'skipped'))::int`,
      inProgress: sql<number>`(count(*) filter (where ${assignments.status} = 'leased' and ${assignments.expiresAt} > now()))::int`,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.annotatorId))
    .where(and(eq(assignments.campaignId, campaign.id)))
    .groupBy(users.id, users.email)
    .orderBy(users.email);

  return {
    campaignId: campaign.id,
    status: campaign.status,
    overlap: campaign.overlap,
    items: progress?.items ?? 0,
    judgements: progress?.judgements ?? 0,
    completedItems: progress?.completedItems ?? 0,
    annotators: perAnnotator,
    identityLeaks: await countIdentityLeaks(db, { campaignId: campaign.id }),
  };
}
