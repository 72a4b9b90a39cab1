import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, items } from "@/db/schema";
import type { SessionUser } from "@/server/services/users/session-user";

export interface CampaignSummary {
  id: string;
  slug: string;
  name: string;
  status: string;
  templateKind: string;
  overlap: number;
  itemCount: number;
  /** Items that have all N judgements. */
  completedItems: number;
  judgementCount: number;
  /** For annotators: how many tasks they have submitted here. */
  mySubmitted: number;
  createdAt: Date;
}

/** Admins: every campaign. Annotators: active or paused campaigns they are members of. */
export async function listCampaigns(
  db: Db,
  params: { user: SessionUser },
): Promise<CampaignSummary[]> {
  const { user } = params;
  const base = db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      status: campaigns.status,
      template: campaigns.template,
      overlap: campaigns.overlap,
      createdAt: campaigns.createdAt,
    })
    .from(campaigns);
  const rows =
    user.role === "admin"
      ? await base.orderBy(desc(campaigns.createdAt))
      : await base
          .innerJoin(
            campaignMembers,
            and(eq(campaignMembers.campaignId, campaigns.id), eq(campaignMembers.userId, user.id)),
          )
          .where(inArray(campaigns.status, ["active", "paused"]))
          .orderBy(desc(campaigns.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  const progress = await db
    .select({
      campaignId: items.campaignId,
      itemCount: sql<number>`count(*)::int`,
      completedItems: sql<number>`count(*) filter (where ${items.judgementCount} >= ${campaigns.overlap})::int`,
      judgementCount: sql<number>`coalesce(sum(${items.judgementCount}), 0)::int`,
    })
    .from(items)
    .innerJoin(campaigns, eq(campaigns.id, items.campaignId))
    .where(inArray(items.campaignId, ids))
    .groupBy(items.campaignId);
  const mine = await db
    .select({ campaignId: assignments.campaignId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .where(
      and(
        inArray(assignments.campaignId, ids),
        eq(assignments.annotatorId, user.id),
        eq(assignments.status, "submitted"),
      ),
    )
    .groupBy(assignments.campaignId);

  const progressById = new Map(progress.map((p) => [p.campaignId, p]));
  const mineById = new Map(mine.map((m) => [m.campaignId, m.n]));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    templateKind: r.template.kind,
    overlap: r.overlap,
    itemCount: progressById.get(r.id)?.itemCount ?? 0,
    completedItems: progressById.get(r.id)?.completedItems ?? 0,
    judgementCount: progressById.get(r.id)?.judgementCount ?? 0,
    mySubmitted: mineById.get(r.id) ?? 0,
    createdAt: r.createdAt,
  }));
}
