import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { campaigns, type Campaign } from "@/db/schema";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { createCampaignInput, type CreateCampaignInput } from "./campaign-inputs";
import { writeTransaction } from "@/server/services/with-retry";

export async function createCampaign(
  db: Db,
  params: { input: CreateCampaignInput; actorId: string | null },
): Promise<Campaign> {
  const input = createCampaignInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        slug: slugify(input.name),
        name: input.name,
        description: input.description,
        status: input.status,
        template: input.template,
        overlap: input.overlap,
        leaseTtlSeconds: input.lease_ttl_seconds,
        goldRate: input.gold_rate,
        probeRate: input.probe_rate,
        goldFeedback: input.gold_feedback,
        dailyCap: input.daily_cap,
        suggestionMode: input.suggestion_mode,
        guidelines: input.guidelines,
        identityLeak: input.identity_leak,
        identityLeakWords: input.identity_leak_words,
        createdBy: params.actorId,
      })
      .returning();
    if (!campaign) throw new Error("insert returned no row");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.create",
      campaignId: campaign.id,
    });
    return campaign;
  });
}

/** Readable and unique without a round trip: the name plus a short random suffix. */
function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return `${base || "campaign"}-${randomBytes(3).toString("hex")}`;
}
