import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { judgements, type Campaign, type Judgement } from "@/db/schema";
import { lockAssignment } from "@/server/services/assignment/lock-assignment";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/services/db-errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { writeTransaction } from "@/server/services/with-retry";
import { submitJudgementInput, type SubmitJudgementInput } from "./submit-judgement-input";
import type { RevealedSuggestion } from "@/server/domain/suggestion";
import { revealSuggestion } from "@/server/services/suggestions/reveal-suggestion";
import { getGoldFeedback, type GoldFeedback } from "./get-gold-feedback";
import { judgementFromRow, judgementInsertSql, type JudgementInsert } from "./insert-judgement";
import { validateItemPayload } from "./validate-item-payload";

export interface SubmitResult {
  judgement: Judgement;
  /** False when this was a retry of an earlier submit with the same idempotency key. */
  created: boolean;
  /** The gold answer and its passage, for a gold item in a campaign that gives feedback; else null. */
  goldFeedback: GoldFeedback | null;
  /** The judge's suggestion, revealed now that the answer is stored; null in a hidden campaign or without one. */
  suggestion: RevealedSuggestion | null;
}

export const ITEM_FULL_MESSAGE =
  "Your time on this task ran out and it has since received all the judgements it needs. Your answer was not saved.";

/**
 * Stores an annotator's verdict on their assignment (DESIGN §4 invariants 1–4, §6). The
 * assignment row is locked first, so retries and double clicks are serialised and answered
 * with the first result. A submit after the lease expired is accepted only while the item
 * still has an open slot; a probe never holds or takes a slot, so it is always accepted.
 */
export async function submitJudgement(
  db: Db,
  params: { input: SubmitJudgementInput; user: SessionUser },
): Promise<SubmitResult> {
  const input = submitJudgementInput.parse(params.input);
  const { user } = params;
  try {
    return await writeTransaction(db, async (tx): Promise<SubmitResult> => {
      // Also checks membership, campaign status and account (removed members get NOT_FOUND), and
      // reads the judgement stored under this key and the item's responses in the same statement.
      const locked = await lockAssignment(tx, {
        assignmentId: input.assignmentId,
        user,
        read: { idempotencyKey: input.idempotencyKey, responses: true },
      });
      const { assignment, campaign, responses } = locked;
      // A lock that waited for a concurrent submit of this task sees the assignment as that
      // submit left it, but its join still sees the judgements of before: only a new statement
      // sees that submit's answer. So the key's judgement is read when the key is taken or the
      // task already submitted, both rare (a retry).
      const [earlier] =
        locked.keyUsed || assignment.status === "submitted"
          ? await tx.select().from(judgements).where(eq(judgements.idempotencyKey, input.idempotencyKey))
          : [];
      if (earlier) {
        if (earlier.assignmentId !== assignment.id) {
          throw new AppError("CONFLICT", "This idempotency key was used for another task");
        }
        const goldFeedback = await getGoldFeedback(tx, { campaign, assignment, payload: earlier.payload });
        const suggestion = await revealSuggestion(tx, { campaign, assignment, payload: earlier.payload });
        return { judgement: earlier, created: false, goldFeedback, suggestion };
      }
      if (assignment.status === "submitted") {
        throw new AppError("CONFLICT", "This task has already been submitted");
      }
      if (assignment.status === "skipped") throw new AppError("CONFLICT", "This task was skipped");

      const payload = await validateItemPayload(tx, {
        template: campaign.template,
        assignmentId: assignment.id,
        itemId: assignment.itemId,
        payload: input.payload,
        responses,
      });
      const judgement = await storeSubmission(tx, {
        assignment,
        campaign,
        payload,
        activeMs: input.activeMs,
        idempotencyKey: input.idempotencyKey,
      });
      if (!judgement) throw new AppError("CONFLICT", ITEM_FULL_MESSAGE);
      const goldFeedback = await getGoldFeedback(tx, { campaign, assignment, payload });
      const suggestion = await revealSuggestion(tx, { campaign, assignment, payload });
      return { judgement, created: true, goldFeedback, suggestion };
    });
  } catch (error) {
    // The same key used concurrently on another assignment loses the unique-index race.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This idempotency key was used for another task");
    }
    throw error;
  }
}

/**
 * Marks the assignment submitted, adds the judgement to the item's count and stores the
 * judgement, in one statement; null (and nothing written) when the item has no room for it.
 * A live lease (even one past its expiry that nobody has released yet) still holds its slot;
 * a released one must take a free slot, or the item would end with more than N. The count is
 * also checked against N itself, in case an admin lowered the overlap while leases were out.
 * The count is a conditional update (Postgres re-checks it against a concurrent writer's version
 * of the row); a probe never holds or takes a slot, so it is not counted.
 */
async function storeSubmission(
  tx: Db,
  params: JudgementInsert & { campaign: Pick<Campaign, "overlap"> },
): Promise<Judgement | null> {
  const { assignment } = params;
  const holdsSlot = assignment.status === "leased";
  const counted =
    assignment.purpose === "regular"
      ? sql`update items set judgement_count = judgement_count + 1${holdsSlot ? sql`` : sql`, open_slots = open_slots - 1`}
          where id = ${assignment.itemId} and judgement_count < ${params.campaign.overlap}${holdsSlot ? sql`` : sql` and open_slots > 0`}
          returning id`
      : sql`select 1`;
  const { rows } = (await tx.execute(sql`
    with counted as (${counted}),
    closed as (
      update assignments set status = 'submitted', completed_at = now()
      where id = ${assignment.id} and exists (select 1 from counted)
      returning id
    )
    ${judgementInsertSql(params, sql`closed`)}`)) as unknown as { rows: Record<string, unknown>[] };
  const [row] = rows;
  return row ? judgementFromRow(row) : null;
}
