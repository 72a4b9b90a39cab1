import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign, type CampaignStatus } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";

/** draft → active ⇄ paused → archived; archiving is allowed from any state and is final. */
const ALLOWED: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ["active", "archived"],
  active: ["paused", "archived"],
  paused: ["active", "archived"],
  archived: [],
};

export async function setCampaignStatus(
  db: Db,
  params: { campaignId: string; status: CampaignStatus; actorId: string | null },
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "No such campaign");
    if (current.status === params.status) return current;
    if (!ALLOWED[current.status].includes(params.status)) {
      throw new AppError(
        "CONFLICT",
        `A ${current.status} campaign cannot become ${params.status}`,
      );
    }
    const [updated] = await tx
      .update(campaigns)
      .set({ status: params.status, updatedAt: sql`now()` })
      .where(eq(campaigns.id, params.campaignId))
      .returning();
    if (!updated) throw new Error("update returned no row");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.status",
      campaignId: params.campaignId,
      details: { from: current.status, to: params.status },
    });
    return updated;
  });
}
