import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items, judgements, responses, type Judgement } from "@/db/schema";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/services/db-errors";
import type { SessionUser } from "@/server/services/users/session-user";
import type { JudgementPayload } from "./judgement-payload";
import { payloadSchemaFor } from "./judgement-payload";
import { submitJudgementInput, type SubmitJudgementInput } from "./submit-judgement-input";

export interface SubmitResult {
  judgement: Judgement;
  /** False when this was a retry of an earlier submit with the same idempotency key. */
  created: boolean;
}

/**
 * Stores an annotator's verdict on their assignment (DESIGN §4 invariants 1–4, §6). The
 * assignment row is locked first, so retries and double clicks are serialised and answered
 * with the first result. A submit after the lease expired is accepted only while the item
 * still has an open slot.
 */
export async function submitJudgement(
  db: Db,
  params: { input: SubmitJudgementInput; user: SessionUser },
): Promise<SubmitResult> {
  const input = submitJudgementInput.parse(params.input);
  const { user } = params;
  try {
    return await db.transaction(async (tx) => {
      const [assignment] = await tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.id, input.assignmentId), eq(assignments.annotatorId, user.id)))
        .for("update");
      if (!assignment) throw new AppError("NOT_FOUND", "No such task");

      const [earlier] = await tx
        .select()
        .from(judgements)
        .where(eq(judgements.idempotencyKey, input.idempotencyKey));
      if (earlier) {
        if (earlier.assignmentId !== assignment.id) {
          throw new AppError("CONFLICT", "This idempotency key was used for another task");
        }
        return { judgement: earlier, created: false };
      }
      if (assignment.status === "submitted") {
        throw new AppError("CONFLICT", "This task has already been submitted");
      }
      if (assignment.status === "skipped") {
        throw new AppError("CONFLICT", "This task was skipped");
      }

      const [campaign] = await tx
        .select()
        .from(campaigns)
        .where(eq(campaigns.id, assignment.campaignId));
      if (!campaign) throw new AppError("NOT_FOUND", "No such task");
      const responseIds = (
        await tx
          .select({ id: responses.id })
          .from(responses)
          .where(eq(responses.itemId, assignment.itemId))
          .orderBy(asc(responses.position))
      ).map((r) => r.id);
      const parsed = payloadSchemaFor(campaign.template, responseIds).safeParse(input.payload);
      if (!parsed.success) {
        throw new AppError("BAD_REQUEST", "The answer is not valid for this task", {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        });
      }

      if (assignment.status === "leased") {
        // The lease still holds its slot (nobody released it), so the judgement always fits.
        await tx
          .update(items)
          .set({ judgementCount: sql`${items.judgementCount} + 1` })
          .where(eq(items.id, assignment.itemId));
      } else {
        const [item] = await tx
          .select({ openSlots: items.openSlots })
          .from(items)
          .where(eq(items.id, assignment.itemId))
          .for("update");
        if (!item || item.openSlots <= 0) {
          throw new AppError(
            "CONFLICT",
            "Your time on this task ran out and it has since received all the judgements it needs. Your answer was not saved.",
          );
        }
        await tx
          .update(items)
          .set({
            openSlots: sql`${items.openSlots} - 1`,
            judgementCount: sql`${items.judgementCount} + 1`,
          })
          .where(eq(items.id, assignment.itemId));
      }

      await tx
        .update(assignments)
        .set({ status: "submitted", completedAt: sql`now()` })
        .where(eq(assignments.id, assignment.id));
      const [judgement] = await tx
        .insert(judgements)
        .values({
          campaignId: assignment.campaignId,
          assignmentId: assignment.id,
          itemId: assignment.itemId,
          annotatorId: user.id,
          payload: parsed.data as JudgementPayload,
          displayOrder: assignment.displayOrder,
          guidelineVersion: campaign.guidelineVersion,
          templateVersion: campaign.templateVersion,
          shownAt: assignment.leasedAt,
          activeMs: input.activeMs,
          idempotencyKey: input.idempotencyKey,
        })
        .returning();
      if (!judgement) throw new Error("insert returned no row");
      return { judgement, created: true };
    });
  } catch (error) {
    // The same key used concurrently on another assignment loses the unique-index race.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This idempotency key was used for another task");
    }
    throw error;
  }
}
