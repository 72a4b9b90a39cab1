import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobTasks, responses } from "@/db/schema";
import type { GenerationRecord } from "@/server/services/models/generation-params";
import type { ClaimedTask } from "./claim-tasks";
import { generatedResponseId } from "./generated-response-id";
import { settleItem } from "./settle-item";
import { completeHeldTask } from "./task-outcomes";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Stores a generated response and marks its task done, in one transaction, only if this
 * worker still holds the lease. The item's row lock orders responses (position = next free
 * one) and lets settleItem release the prompt to annotators exactly once. The response's
 * external id is the (endpoint, sample) slot, so a slot is filled at most once whatever happens.
 */
export async function finishGenerationTask(
  db: Db,
  params: {
    task: ClaimedTask;
    workerId: string;
    endpointName: string;
    content: string;
    generation: GenerationRecord;
  },
): Promise<boolean> {
  const { task } = params;
  return writeTransaction(db, async (tx) => {
    if (!(await completeHeldTask(tx, task, params.workerId))) return false;
    const externalId = generatedResponseId.of(task.endpointId, task.sample);
    await tx
      .insert(responses)
      .values({
        itemId: task.itemId,
        externalId,
        position: sql`(select coalesce(max(${responses.position}), -1) + 1 from ${responses} where ${responses.itemId} = ${task.itemId})`,
        model: params.endpointName,
        contentKind: "text",
        content: params.content,
        generation: params.generation,
      })
      .onConflictDoNothing({ target: [responses.itemId, responses.externalId] });
    const [stored] = await tx
      .select({ id: responses.id })
      .from(responses)
      .where(and(eq(responses.itemId, task.itemId), eq(responses.externalId, externalId)));
    await tx
      .update(jobTasks)
      .set({ responseId: stored?.id ?? null })
      .where(eq(jobTasks.id, task.id));
    await settleItem(tx, { itemId: task.itemId });
    return true;
  });
}
