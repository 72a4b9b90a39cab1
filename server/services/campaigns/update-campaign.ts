import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, type Campaign, type NewCampaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { recheckIdentityLeaks } from "@/server/services/leaks/recheck-identity-leaks";
import { writeTransaction } from "@/server/services/with-retry";
import { updateCampaignInput, type UpdateCampaignInput } from "./campaign-inputs";
import { assertStatusTransition } from "./status-transitions";
import type { TemplateConfig } from "./template-config";
import { canonicalJson } from "@/server/domain/canonical-json";

/**
 * Edits a campaign's settings (DESIGN §4, §5). Guideline and template edits bump their
 * versions, which every later judgement is stamped with; an overlap change recomputes the
 * items' open slots so the queue hands out exactly the new N; status moves follow the
 * lifecycle rules of setCampaignStatus.
 */
export async function updateCampaign(
  db: Db,
  params: { campaignId: string; input: UpdateCampaignInput; actorId: string | null },
): Promise<Campaign> {
  assertUuid(params.campaignId, "campaign");
  const input = updateCampaignInput.parse(params.input);
  // Retried on deadlock: a claim waiting out a locked candidate keeps the row lock it took on
  // an item that then no longer qualified, outside the id order recomputeOpenSlots locks in.
  return writeTransaction(db, async (tx) => {
    // Serialises concurrent edits of the same campaign. NO KEY UPDATE, not UPDATE: claims and
    // submits insert rows whose foreign keys take KEY SHARE on this row while they hold an item
    // lock, and FOR UPDATE would deadlock against the item locks taken below.
    const [current] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("no key update");
    if (!current) throw new AppError("NOT_FOUND", "No such campaign");
    if (current.status === "archived") {
      throw new AppError("CONFLICT", "An archived campaign cannot be edited; duplicate it instead");
    }
    if (input.status !== undefined) assertStatusTransition(current.status, input.status);

    const changes: Partial<NewCampaign> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.lease_ttl_seconds !== undefined) changes.leaseTtlSeconds = input.lease_ttl_seconds;
    if (input.gold_rate !== undefined) changes.goldRate = input.gold_rate;
    if (input.probe_rate !== undefined) changes.probeRate = input.probe_rate;
    if (input.gold_feedback !== undefined) changes.goldFeedback = input.gold_feedback;
    if (input.daily_cap !== undefined) changes.dailyCap = input.daily_cap;
    if (input.suggestion_mode !== undefined) changes.suggestionMode = input.suggestion_mode;
    if (input.status !== undefined) changes.status = input.status;
    if (input.overlap !== undefined) changes.overlap = input.overlap;
    const wordsChanged =
      input.identity_leak_words !== undefined &&
      JSON.stringify(input.identity_leak_words) !== JSON.stringify(current.identityLeakWords);
    const modeChanged = input.identity_leak !== undefined && input.identity_leak !== current.identityLeak;
    if (wordsChanged) changes.identityLeakWords = input.identity_leak_words;
    if (modeChanged) changes.identityLeak = input.identity_leak;
    if (input.guidelines !== undefined && input.guidelines !== current.guidelines) {
      changes.guidelines = input.guidelines;
      changes.guidelineVersion = current.guidelineVersion + 1;
    }
    if (
      input.template !== undefined &&
      // jsonb does not keep key order, so templates are compared with sorted keys.
      canonicalJson(input.template) !== canonicalJson(current.template)
    ) {
      if (input.template.kind !== current.template.kind && (await hasItems(tx, current.id))) {
        throw new AppError(
          "CONFLICT",
          `The campaign already has ${current.template.kind} items; its template kind cannot change`,
        );
      }
      // A per-turn payload is a list of verdicts, a whole-response one a single verdict: one
      // campaign's judgements keep one shape, as they keep one template kind.
      if (perTurn(input.template) !== perTurn(current.template) && (await hasItems(tx, current.id))) {
        throw new AppError("CONFLICT", "The campaign already has items; turn-by-turn judging cannot be switched on or off");
      }
      changes.template = input.template;
      changes.templateVersion = current.templateVersion + 1;
    }

    const [updated] = await tx
      .update(campaigns)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(campaigns.id, current.id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    if (input.overlap !== undefined && input.overlap !== current.overlap) {
      await recomputeOpenSlots(tx, current.id, input.overlap);
    }
    // A new list re-checks every response now, so the queue never serves one the list flags.
    if (wordsChanged || modeChanged) {
      await recheckIdentityLeaks(tx, {
        campaignId: current.id,
        words: updated.identityLeakWords,
        mode: updated.identityLeak,
        rescan: wordsChanged,
      });
    }
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.update",
      campaignId: current.id,
      details: {
        fields: Object.keys(input),
        ...(changes.status ? { from: current.status, to: changes.status } : {}),
      },
    });
    return updated;
  });
}

/**
 * open_slots = overlap − submitted − leases still holding a slot, never below 0. The item rows
 * are locked first, in a statement of their own: claims, submits, skips and lease releases all
 * update the item row, so once we hold every lock none of them is mid-flight, and the next
 * statement's fresh snapshot sees every lease and judgement they committed. (One statement would
 * count leases from a snapshot older than the row it updates.) Leases past expiry still count:
 * their slot is given back only when releaseExpiredLeases marks them expired. Probe leases
 * re-serve an item already judged and never hold a slot.
 */
async function recomputeOpenSlots(tx: Db, campaignId: string, overlap: number): Promise<void> {
  await tx.execute(sql`
    select count(*) from (
      select 1 from ${items} where ${items.campaignId} = ${campaignId} order by ${items.id} for update
    ) as locked
  `);
  await tx.execute(sql`
    update ${items} set open_slots = greatest(0, ${overlap} - ${items.judgementCount} - (
      select count(*)::int from assignments
      where assignments.item_id = ${items.id} and assignments.status = 'leased' and assignments.purpose = 'regular'
    ))
    where ${items.campaignId} = ${campaignId}
  `);
}

async function hasItems(tx: Db, campaignId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: items.id })
    .from(items)
    .where(eq(items.campaignId, campaignId))
    .limit(1);
  return row !== undefined;
}

function perTurn(template: TemplateConfig): boolean {
  return template.kind === "pairwise" && Boolean(template.per_turn);
}
