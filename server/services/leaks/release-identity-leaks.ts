import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items } from "@/db/schema";
import { flaggedStatus } from "@/server/domain/identity-leak";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";
import { lockLeakCampaign } from "./lock-leak-campaign";
import { countIdentityLeaks, type IdentityLeakCounts } from "./count-identity-leaks";
import { releaseIdentityLeaksInput, type ReleaseIdentityLeaksInput } from "./leak-inputs";

/**
 * An admin's verdict on flagged items: released items are served to annotators again, without
 * a warning (someone looked, and the phrase gives nothing away); `released: false` puts them
 * back under the campaign's mode. Ids of items that are not flagged, or not in the campaign,
 * change nothing. A later re-check that finds different phrases flags a released item again.
 */
export async function releaseIdentityLeaks(
  db: Db,
  params: { campaignId: string; input: ReleaseIdentityLeaksInput; actorId: string | null },
): Promise<{ changed: number; counts: IdentityLeakCounts }> {
  assertUuid(params.campaignId, "campaign");
  const input = releaseIdentityLeaksInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    // Shares the campaign row with other releases, never with an edit of the list or the mode,
    // which re-decides every flagged item.
    const campaign = await lockLeakCampaign(tx, { campaignId: params.campaignId, lock: "share" });
    const from = input.released ? sql`${items.leakStatus} in ('held', 'warned')` : sql`${items.leakStatus} = 'released'`;
    const changed = await tx
      .update(items)
      .set({ leakStatus: input.released ? "released" : flaggedStatus(campaign.mode) })
      .where(and(eq(items.campaignId, campaign.id), inArray(items.id, input.item_ids), from))
      .returning({ id: items.id });
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: input.released ? AUDIT_ACTIONS.identityRelease : AUDIT_ACTIONS.identityHold,
      campaignId: campaign.id,
      details: { items: changed.length },
    });
    return { changed: changed.length, counts: await countIdentityLeaks(tx, { campaignId: campaign.id }) };
  });
}
