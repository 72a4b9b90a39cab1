import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaignMembers, campaigns, judgements } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * The annotator table's one action (DESIGN §9): excluding pauses the annotator in the
 * campaign and leaves their judgements out of every export and statistic; including them
 * again resumes them and brings everything back. Nothing is deleted either way.
 */
export async function setAnnotatorExclusion(
  db: Db,
  params: { campaignId: string; userId: string; excluded: boolean; actorId: string | null },
): Promise<{ excluded: boolean; paused: boolean }> {
  assertUuid(params.campaignId, "campaign");
  assertUuid(params.userId, "annotator");
  const userId = sql`${params.userId}::uuid`;
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .update(campaigns)
      .set({
        excludedAnnotators: params.excluded
          ? sql`case when ${userId} = any(${campaigns.excludedAnnotators}) then ${campaigns.excludedAnnotators}
              else array_append(${campaigns.excludedAnnotators}, ${userId}) end`
          : sql`array_remove(${campaigns.excludedAnnotators}, ${userId})`,
        updatedAt: sql`now()`,
      })
      .where(eq(campaigns.id, params.campaignId))
      .returning({ id: campaigns.id });
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    const [member] = await tx
      .update(campaignMembers)
      .set({ status: params.excluded ? "paused" : "active" })
      .where(
        and(
          eq(campaignMembers.campaignId, params.campaignId),
          eq(campaignMembers.userId, params.userId),
        ),
      )
      .returning({ status: campaignMembers.status });
    if (!member) {
      // Not (or no longer) a member: only someone whose judgements the campaign holds can be excluded.
      const [judged] = await tx
        .select({ id: judgements.id })
        .from(judgements)
        .where(
          and(
            eq(judgements.campaignId, params.campaignId),
            eq(judgements.annotatorId, params.userId),
          ),
        )
        .limit(1);
      if (!judged) throw new AppError("NOT_FOUND", "No such annotator in this campaign");
    }
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: params.excluded ? "campaign.annotator.exclude" : "campaign.annotator.include",
      campaignId: params.campaignId,
      subjectType: "user",
      subjectId: params.userId,
    });
    return { excluded: params.excluded, paused: member?.status === "paused" };
  });
}
