import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { createCampaign } from "./create-campaign";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * A new draft campaign with the same settings, items and responses, and none of the work:
 * no members, leases or judgements. Items and responses are copied inside the database, so a
 * large campaign never passes through the app's memory.
 */
export async function duplicateCampaign(
  db: Db,
  params: { campaignId: string; actorId: string | null; name?: string },
): Promise<Campaign> {
  assertUuid(params.campaignId, "campaign");
  return writeTransaction(db, async (tx) => {
    const [source] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("share");
    if (!source) throw new AppError("NOT_FOUND", "No such campaign");

    const copy = await createCampaign(tx, {
      input: {
        name: params.name?.trim() || `${source.name} (copy)`.slice(0, 200),
        description: source.description,
        template: source.template,
        overlap: source.overlap,
        lease_ttl_seconds: source.leaseTtlSeconds,
        gold_rate: source.goldRate,
        probe_rate: source.probeRate,
        gold_feedback: source.goldFeedback,
        daily_cap: source.dailyCap,
        suggestion_mode: source.suggestionMode,
        guidelines: source.guidelines,
        identity_leak: source.identityLeak,
        identity_leak_words: source.identityLeakWords,
        status: "draft",
      },
      actorId: params.actorId,
    });

    await tx.execute(sql`
      insert into items (campaign_id, external_id, prompt, prompt_format, metadata, kind, gold_answer, gold_explanation, source, open_slots, awaiting_generation, leak_status)
      select ${copy.id}, external_id, prompt, prompt_format, metadata, kind, gold_answer, gold_explanation, source, ${copy.overlap}, awaiting_generation, leak_status
      from items where campaign_id = ${source.id}
      order by seq
    `);
    await tx.execute(sql`
      insert into responses (item_id, external_id, position, model, content_kind, content, steps, reasoning, messages, generation, leak_matches)
      select copied.id, r.external_id, r.position, r.model, r.content_kind, r.content, r.steps, r.reasoning, r.messages, r.generation, r.leak_matches
      from responses r
      join items original on original.id = r.item_id and original.campaign_id = ${source.id}
      join items copied on copied.campaign_id = ${copy.id} and copied.external_id = original.external_id
    `);
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.duplicate",
      campaignId: copy.id,
      details: { from: source.id },
    });
    return copy;
  });
}
