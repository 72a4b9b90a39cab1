import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers, type MemberStatus } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Pauses or resumes one annotator in one campaign. A paused member gets no new tasks (the claim
 * checks the membership row) and can act on no task they hold until resumed (lockAssignment).
 */
export async function setMemberStatus(
  db: Db,
  params: { campaignId: string; userId: string; status: MemberStatus; actorId: string | null },
): Promise<{ status: MemberStatus }> {
  assertUuid(params.campaignId, "campaign");
  assertUuid(params.userId, "member");
  return writeTransaction(db, async (tx) => {
    const [updated] = await tx
      .update(campaignMembers)
      .set({ status: params.status })
      .where(
        and(
          eq(campaignMembers.campaignId, params.campaignId),
          eq(campaignMembers.userId, params.userId),
        ),
      )
      .returning({ status: campaignMembers.status });
    if (!updated) throw new AppError("NOT_FOUND", "No such member in this campaign");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: params.status === "paused" ? "campaign.member.pause" : "campaign.member.resume",
      campaignId: params.campaignId,
      subjectType: "user",
      subjectId: params.userId,
    });
    return updated;
  });
}
