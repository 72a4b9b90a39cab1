import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items, judgements } from "@/db/schema";
import { lockAssignment } from "@/server/services/assignment/lock-assignment";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/services/db-errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { writeTransaction } from "@/server/services/with-retry";
import {
  REVISION_WINDOW_HOURS,
  reviseJudgementInput,
  type ReviseJudgementInput,
} from "./revise-judgement-input";
import type { SubmitResult } from "./submit-judgement";

type ReviseResult = Omit<SubmitResult, "goldFeedback" | "suggestion">;
import { insertJudgement } from "./insert-judgement";
import { validateItemPayload } from "./validate-item-payload";

/**
 * "Fix my last answer" (DESIGN §1, §5 key `u`). Judgements are append-only: the correction is a
 * new row on the same assignment whose revision_of names the row it supersedes, so exports (which
 * read only live rows) see the correction and the history stays. Any of the annotator's own live
 * answers, but only for a while after it was given: older answers are data others may already
 * have used. The item's count does not change (one live answer either way).
 */
export async function reviseJudgement(
  db: Db,
  params: { input: ReviseJudgementInput; user: SessionUser },
): Promise<ReviseResult> {
  const input = reviseJudgementInput.parse(params.input);
  const { user } = params;
  try {
    return await writeTransaction(db, async (tx): Promise<ReviseResult> => {
      const [target] = await tx
        .select({ assignmentId: judgements.assignmentId })
        .from(judgements)
        .where(and(eq(judgements.id, input.judgementId), eq(judgements.annotatorId, user.id)));
      if (!target) throw new AppError("NOT_FOUND", "No such answer");
      // Serialises with retries of this edit and with a second edit of the same answer, and
      // refuses removed or paused members, closed campaigns and disabled accounts.
      const { assignment, campaign } = await lockAssignment(tx, {
        assignmentId: target.assignmentId,
        user,
      });

      const [earlier] = await tx
        .select()
        .from(judgements)
        .where(eq(judgements.idempotencyKey, input.idempotencyKey));
      if (earlier) {
        if (earlier.assignmentId !== assignment.id || earlier.revisionOf === null) {
          throw new AppError("CONFLICT", "This idempotency key was used for another answer");
        }
        return { judgement: earlier, created: false };
      }

      const [revisedAlready] = await tx
        .select({ id: judgements.id })
        .from(judgements)
        .where(eq(judgements.revisionOf, input.judgementId));
      if (revisedAlready) {
        throw new AppError(
          "CONFLICT",
          "This answer has been changed since; reload to edit the latest one",
        );
      }
      await assertRevisable(tx, assignment.id);
      // Once the gold answer has been shown, changing the answer would only copy it.
      if (campaign.goldFeedback && (await isGold(tx, assignment.itemId))) {
        throw new AppError("CONFLICT", "This answer was checked against its expected answer and cannot be changed");
      }

      const payload = await validateItemPayload(tx, {
        template: campaign.template,
        assignmentId: assignment.id,
        itemId: assignment.itemId,
        payload: input.payload,
      });
      const judgement = await insertJudgement(tx, {
        assignment,
        campaign,
        payload,
        activeMs: input.activeMs,
        idempotencyKey: input.idempotencyKey,
        revisionOf: input.judgementId,
      });
      return { judgement, created: true };
    });
  } catch (error) {
    // A concurrent edit of the same answer, or a key reused elsewhere, loses a unique index race.
    if (isUniqueViolation(error)) {
      throw new AppError(
        "CONFLICT",
        "This answer was changed at the same time; reload and try again",
      );
    }
    throw error;
  }
}

/** The assignment must be submitted, and recently enough. */
async function assertRevisable(tx: Db, assignmentId: string) {
  const [own] = await tx
    .select({
      recent: sql<boolean>`${assignments.completedAt} > now() - make_interval(hours => ${REVISION_WINDOW_HOURS})`,
    })
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.status, "submitted")));
  if (!own) throw new AppError("CONFLICT", "Only a submitted answer can be changed");
  if (!own.recent) {
    throw new AppError(
      "CONFLICT",
      `Answers can be changed for ${REVISION_WINDOW_HOURS} hours after submitting`,
    );
  }
}

async function isGold(tx: Db, itemId: string): Promise<boolean> {
  const [item] = await tx.select({ kind: items.kind }).from(items).where(eq(items.id, itemId));
  return item?.kind === "gold";
}
