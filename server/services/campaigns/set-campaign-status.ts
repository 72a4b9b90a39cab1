import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign, type CampaignStatus } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertStatusTransition } from "./status-transitions";
import { writeTransaction } from "@/server/services/with-retry";

export async function setCampaignStatus(
  db: Db,
  params: { campaignId: string; status: CampaignStatus; actorId: string | null },
): Promise<Campaign> {
  return writeTransaction(db, async (tx) => {
    const [current] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      // NO KEY UPDATE lets claims and submits (whose foreign keys take KEY SHARE here) go on.
      .for("no key update");
    if (!current) throw new AppError("NOT_FOUND", "No such campaign");
    if (current.status === params.status) return current;
    assertStatusTransition(current.status, params.status);
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
