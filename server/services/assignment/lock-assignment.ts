import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, users, type Assignment, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";

export interface LockedAssignment {
  assignment: Assignment;
  campaign: Campaign;
}

/**
 * The one gate of every action on an assignment (submit, revise, heartbeat, draft, skip):
 * row-locks the caller's own assignment and, in the same statement, checks that they are still
 * an active member of an active campaign and that their account is not disabled. Folding the
 * checks into the read that the action needs anyway costs no extra round trip.
 *
 * Someone else's assignment and a removed member's are both NOT_FOUND (ids are not confirmed);
 * a paused member, a campaign that is not active and a disabled account are FORBIDDEN.
 */
export async function lockAssignment(
  db: Db,
  params: { assignmentId: string; user: SessionUser },
): Promise<LockedAssignment> {
  const [row] = await db
    .select({
      assignment: assignments,
      campaign: campaigns,
      memberStatus: campaignMembers.status,
      disabled: users.disabled,
    })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .innerJoin(users, eq(users.id, assignments.annotatorId))
    .leftJoin(
      campaignMembers,
      and(eq(campaignMembers.campaignId, assignments.campaignId), eq(campaignMembers.userId, assignments.annotatorId)),
    )
    .where(and(eq(assignments.id, params.assignmentId), eq(assignments.annotatorId, params.user.id)))
    .for("update", { of: assignments });
  if (!row || row.memberStatus === null) throw new AppError("NOT_FOUND", "No such task");
  if (row.disabled) throw new AppError("FORBIDDEN", "This account is disabled");
  if (row.campaign.status !== "active") {
    throw new AppError("FORBIDDEN", `This campaign is ${row.campaign.status}: it takes no answers now`);
  }
  if (row.memberStatus !== "active") {
    throw new AppError("FORBIDDEN", "You are paused in this campaign: it takes no answers from you now");
  }
  return { assignment: row.assignment, campaign: row.campaign };
}
