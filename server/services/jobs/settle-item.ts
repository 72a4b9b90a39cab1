import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, jobs, jobTasks, responses } from "@/db/schema";
import { RESPONSE_COUNT_BOUNDS } from "@/server/services/campaigns/template-config";

/**
 * A waiting prompt becomes a task for annotators once no generation work for it is left and it
 * has as many responses as its template needs. The caller holds the item's row lock, so two
 * workers finishing the item's last two tasks cannot both miss the moment.
 */
export async function settleItem(tx: Db, params: { itemId: string }): Promise<void> {
  const [item] = await tx
    .select({ awaiting: items.awaitingGeneration, template: campaigns.template })
    .from(items)
    .innerJoin(campaigns, eq(campaigns.id, items.campaignId))
    .where(eq(items.id, params.itemId));
  if (!item?.awaiting) return;
  const [pending] = await tx
    .select({ id: jobTasks.id })
    .from(jobTasks)
    .innerJoin(jobs, eq(jobs.id, jobTasks.jobId))
    .where(
      and(eq(jobTasks.itemId, params.itemId), inArray(jobTasks.status, ["queued", "running"]), eq(jobs.kind, "generate")),
    )
    .limit(1);
  if (pending) return;
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(responses)
    .where(eq(responses.itemId, params.itemId));
  const n = Number(count?.n ?? 0);
  const bounds = RESPONSE_COUNT_BOUNDS[item.template.kind];
  if (n < bounds.min || n > bounds.max) return;
  await tx.update(items).set({ awaitingGeneration: false }).where(eq(items.id, params.itemId));
}

/** Row-locks an item for the rest of the transaction. */
export async function lockItem(tx: Db, itemId: string): Promise<void> {
  await tx.select({ id: items.id }).from(items).where(eq(items.id, itemId)).for("update");
}
