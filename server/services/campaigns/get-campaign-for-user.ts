import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers, campaigns } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import type { SessionUser } from "@/server/services/users/session-user";
import { toCampaignView, type CampaignView } from "./campaign-view";

/**
 * The campaign, if this user may see it, as this user may see it (toCampaignView): admins see
 * every campaign, annotators only those they are members of. Anything else is NOT_FOUND, so ids of other campaigns are not confirmed.
 */
export async function getCampaignForUser(
  db: Db,
  params: { campaignId: string; user: SessionUser },
): Promise<CampaignView> {
  const { campaignId, user } = params;
  assertUuid(campaignId, "campaign");
  if (user.role === "admin") {
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    return toCampaignView(campaign, user);
  }
  const [row] = await db
    .select({ campaign: campaigns })
    .from(campaigns)
    .innerJoin(
      campaignMembers,
      and(eq(campaignMembers.campaignId, campaigns.id), eq(campaignMembers.userId, user.id)),
    )
    .where(eq(campaigns.id, campaignId));
  if (!row || row.campaign.status === "draft" || row.campaign.status === "archived") {
    throw new AppError("NOT_FOUND", "No such campaign");
  }
  return toCampaignView(row.campaign, user);
}
