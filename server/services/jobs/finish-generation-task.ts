import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, jobTasks, responses } from "@/db/schema";
import { compileLeakMatcher, flaggedStatus, leakCheckedText } from "@/server/domain/identity-leak";
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
 * The identity-leak guard checks the text before it is stored: the prompt is still waiting for
 * generation then, so nobody has been served it, and a flagged response flags its item.
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
    // The campaign's list is read under a share lock, taken before the item's (the order a
    // campaign edit takes them): an edit of the list re-checks responses, and must not miss
    // this one or have it checked against the list it replaces.
    const [guard] = await tx
      .select({ words: campaigns.identityLeakWords, mode: campaigns.identityLeak })
      .from(campaigns)
      .where(eq(campaigns.id, sql`(select ${items.campaignId} from ${items} where ${items.id} = ${task.itemId})`))
      .for("share");
    if (!(await completeHeldTask(tx, task, params.workerId))) return false;
    const externalId = generatedResponseId.of(task.endpointId, task.sample);
    const leakMatches = guard
      ? compileLeakMatcher(guard.words).phrases(leakCheckedText({ contentKind: "text", content: params.content }))
      : null;
    const inserted = await tx
      .insert(responses)
      .values({
        itemId: task.itemId,
        externalId,
        position: sql`(select coalesce(max(${responses.position}), -1) + 1 from ${responses} where ${responses.itemId} = ${task.itemId})`,
        model: params.endpointName,
        contentKind: "text",
        content: params.content,
        generation: params.generation,
        leakMatches,
      })
      .onConflictDoNothing({ target: [responses.itemId, responses.externalId] })
      .returning({ id: responses.id });
    // A release covered the responses the admin saw, not this new one.
    if (guard && leakMatches && inserted.length > 0) {
      await tx.update(items).set({ leakStatus: flaggedStatus(guard.mode) }).where(eq(items.id, task.itemId));
    }
    // A conflict means an earlier attempt stored this response: then it is read back.
    const storedId =
      inserted[0]?.id ??
      (
        await tx
          .select({ id: responses.id })
          .from(responses)
          .where(and(eq(responses.itemId, task.itemId), eq(responses.externalId, externalId)))
      )[0]?.id;
    await tx
      .update(jobTasks)
      .set({ responseId: storedId ?? null })
      .where(eq(jobTasks.id, task.id));
    await settleItem(tx, { itemId: task.itemId });
    return true;
  });
}
