import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { AppError } from "@/server/errors";

/**
 * Locks the campaign row a leak review changes under, and refuses a missing or archived
 * campaign. Releases share the row with each other ("share"); a re-check takes the lock a
 * campaign edit takes ("no key update"), so no list edit, release or generated response
 * interleaves with it.
 */
export async function lockLeakCampaign(tx: Db, params: { campaignId: string; lock: "share" | "no key update" }) {
  const [campaign] = await tx
    .select({ id: campaigns.id, mode: campaigns.identityLeak, words: campaigns.identityLeakWords, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId))
    .for(params.lock);
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  if (campaign.status === "archived") throw new AppError("CONFLICT", "An archived campaign cannot be changed");
  return campaign;
}
