import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, judgements, users, type Assignment, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
import type { TaskResponseRow } from "./task";
import { jsonColumn } from "@/server/services/json-column";

/** What an answer is checked against: the item's responses in position order. */
export type ItemResponseRow = Pick<TaskResponseRow, "id" | "content" | "steps" | "messages">;

export interface LockedAssignment {
  assignment: Assignment;
  campaign: Campaign;
  /** With `idempotencyKey`: whether a judgement (of any assignment) is stored under that key already. */
  keyUsed: boolean;
  /** With `responses`: the item's responses, read in the same statement. */
  responses: ItemResponseRow[] | null;
}

/**
 * The one gate of every action on an assignment (submit, revise, heartbeat, draft, skip):
 * row-locks the caller's own assignment and, in the same statement, checks that they are still
 * an active member of an active campaign and that their account is not disabled. Folding the
 * checks into the read that the action needs anyway costs no extra round trip.
 *
 * A submit also needs the judgement stored under its idempotency key and the item's responses
 * (to check the answer against): `read` adds both to the same statement, so the whole read
 * side of a submit is one round trip (DESIGN §12 P1).
 *
 * Someone else's assignment and a removed member's are both NOT_FOUND (ids are not confirmed);
 * a paused member, a campaign that is not active and a disabled account are FORBIDDEN.
 */
export async function lockAssignment(
  db: Db,
  params: { assignmentId: string; user: SessionUser; read?: { idempotencyKey?: string; responses?: boolean } },
): Promise<LockedAssignment> {
  const key = params.read?.idempotencyKey;
  const query = db
    .select({
      assignment: assignments,
      campaign: campaigns,
      memberStatus: campaignMembers.status,
      disabled: users.disabled,
      // Only whether the key is taken: a retry is rare, and reads the judgement itself then.
      keyUsed: key === undefined ? sql<null>`null` : judgements.id,
      responses: params.read?.responses
        ? sql<unknown>`(
            select coalesce(json_agg(json_build_object('id', r.id, 'content', r.content, 'steps', r.steps, 'messages', r.messages) order by r.position), '[]')
            from responses r where r.item_id = ${assignments.itemId})`
        : sql<null>`null`,
    })
    .from(assignments)
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .innerJoin(users, eq(users.id, assignments.annotatorId))
    .leftJoin(
      campaignMembers,
      and(eq(campaignMembers.campaignId, assignments.campaignId), eq(campaignMembers.userId, assignments.annotatorId)),
    );
  const joined = key === undefined ? query : query.leftJoin(judgements, eq(judgements.idempotencyKey, key));
  const [row] = await joined
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
  const responses = jsonColumn(row.responses) as ItemResponseRow[] | null;
  return { assignment: row.assignment, campaign: row.campaign, keyUsed: row.keyUsed !== null, responses };
}
