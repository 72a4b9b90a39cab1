import type { Db } from "@/db/client";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";
import { lockLeakCampaign } from "./lock-leak-campaign";
import { countIdentityLeaks, type IdentityLeakCounts } from "./count-identity-leaks";
import { recheckIdentityLeaks, type RecheckResult } from "./recheck-identity-leaks";

/**
 * Re-checks every response of a campaign against its current list, on an admin's request:
 * for items imported before the guard existed (a migration cannot run the matcher), or after
 * the matching rule itself changed in a new version. Editing the list does this by itself.
 */
export async function recheckCampaignLeaks(
  db: Db,
  params: { campaignId: string; actorId: string | null },
): Promise<RecheckResult & { counts: IdentityLeakCounts }> {
  assertUuid(params.campaignId, "campaign");
  return writeTransaction(db, async (tx) => {
    const campaign = await lockLeakCampaign(tx, { campaignId: params.campaignId, lock: "no key update" });
    const result = await recheckIdentityLeaks(tx, {
      campaignId: campaign.id,
      words: campaign.words,
      mode: campaign.mode,
      rescan: true,
    });
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: AUDIT_ACTIONS.identityRecheck,
      campaignId: campaign.id,
      details: { ...result },
    });
    return { ...result, counts: await countIdentityLeaks(tx, { campaignId: campaign.id }) };
  });
}
