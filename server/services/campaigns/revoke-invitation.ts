import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/** Withdraws a link nobody has used yet; its token then reads as unknown. */
export async function revokeInvitation(
  db: Db,
  params: { campaignId: string; invitationId: string; actorId: string | null },
): Promise<void> {
  assertUuid(params.campaignId, "campaign");
  assertUuid(params.invitationId, "invitation");
  await writeTransaction(db, async (tx) => {
    const removed = await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.id, params.invitationId),
          eq(invitations.campaignId, params.campaignId),
          isNull(invitations.usedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "No unused invitation with this id");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.invitation.revoke",
      campaignId: params.campaignId,
      subjectType: "invitation",
      subjectId: params.invitationId,
    });
  });
}
