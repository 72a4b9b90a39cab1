import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Takes an annotator out of a campaign. Their submitted judgements stay (they are data), but the
 * leases they still hold are ended and the slots given back, so their open tasks go to others
 * at once instead of waiting for the lease to time out.
 */
export async function removeMember(
  db: Db,
  params: { campaignId: string; userId: string; actorId: string | null },
): Promise<{ releasedLeases: number }> {
  assertUuid(params.campaignId, "campaign");
  assertUuid(params.userId, "member");
  // Deadlocks with claims and submits are possible (they lock items in another order): retried.
  return writeTransaction(db, async (tx) => {
    // Deleting the membership row first makes this annotator's concurrent claims (which lock
    // that row) wait and then find no membership: no new lease can appear behind our back.
    const removed = await tx
      .delete(campaignMembers)
      .where(
        and(
          eq(campaignMembers.campaignId, params.campaignId),
          eq(campaignMembers.userId, params.userId),
        ),
      )
      .returning({ id: campaignMembers.id });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "No such member in this campaign");

    // Locks the leases without SKIP LOCKED: a submit in flight finishes first and its lease,
    // then no longer 'leased', is left alone.
    const result = (await tx.execute(sql`
      with ended as (
        update assignments set status = 'expired'
        where id in (
          select id from assignments
          where campaign_id = ${params.campaignId} and annotator_id = ${params.userId} and status = 'leased'
          for update
        ) and status = 'leased'
        returning item_id, purpose
      ), freed as (
        -- probe leases never held a slot
        select item_id, count(*)::int as n from ended where purpose = 'regular' group by item_id
      ), updated as (
        update items set open_slots = items.open_slots + freed.n
        from freed where items.id = freed.item_id
        returning freed.n
      )
      select coalesce(sum(n), 0)::int as released from updated
    `)) as unknown as { rows: { released: number }[] };
    const releasedLeases = Number(result.rows[0]?.released ?? 0);

    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.member.remove",
      campaignId: params.campaignId,
      subjectType: "user",
      subjectId: params.userId,
      details: { releasedLeases },
    });
    return { releasedLeases };
  });
}
