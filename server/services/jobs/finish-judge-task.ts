import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items, suggestions } from "@/db/schema";
import type { JudgementPayload } from "@/server/domain/judgement-payload";
import { verdictAnswer } from "@/server/services/judges/same-answer";
import type { ClaimedTask } from "./claim-tasks";
import { completeHeldTask } from "./task-outcomes";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Stores a judge's verdict for one display order as a suggestion and marks the task done, only
 * while this worker holds the lease. When the other order's verdict is already in, both are
 * marked consistent or not (the same answer, by response id: see verdictAnswer); the item's row
 * lock makes sure exactly one of the two tasks does it.
 */
export async function finishJudgeTask(
  db: Db,
  params: {
    task: ClaimedTask;
    workerId: string;
    judge: string;
    displayOrder: string[];
    payload: JudgementPayload;
    usage: { promptTokens: number | null; completionTokens: number | null; latencyMs: number };
  },
): Promise<boolean> {
  const { task } = params;
  return writeTransaction(db, async (tx) => {
    if (!(await completeHeldTask(tx, task, params.workerId))) return false;
    const [item] = await tx
      .select({ campaignId: items.campaignId })
      .from(items)
      .where(eq(items.id, task.itemId));
    if (!item) return false;
    await tx
      .insert(suggestions)
      .values({
        campaignId: item.campaignId,
        itemId: task.itemId,
        jobId: task.jobId,
        endpointId: task.endpointId,
        judge: params.judge,
        orderIndex: task.sample,
        displayOrder: params.displayOrder,
        payload: params.payload,
        promptTokens: params.usage.promptTokens,
        completionTokens: params.usage.completionTokens,
        latencyMs: params.usage.latencyMs,
      })
      .onConflictDoNothing();
    const pair = await tx
      .select({ orderIndex: suggestions.orderIndex, payload: suggestions.payload })
      .from(suggestions)
      .where(and(eq(suggestions.jobId, task.jobId), eq(suggestions.itemId, task.itemId)));
    if (pair.length === 2) {
      const [first, second] = pair.map((s) => verdictAnswer(s.payload));
      await tx
        .update(suggestions)
        .set({ consistent: first === second })
        .where(and(eq(suggestions.jobId, task.jobId), eq(suggestions.itemId, task.itemId)));
    }
    return true;
  });
}
