import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, jobTasks } from "@/db/schema";
import type { ClaimedTask } from "./claim-tasks";
import type { JobError } from "./job-types";
import { lockItem, settleItem } from "./settle-item";
import { writeTransaction } from "@/server/services/with-retry";

/** The most task errors a job keeps; the count of failed tasks stays exact regardless. */
const MAX_JOB_ERRORS = 50;

/** Only the worker that still holds the lease may change a task: a late worker's result is dropped. */
export const heldBy = (task: ClaimedTask, workerId: string) =>
  and(
    eq(jobTasks.id, task.id),
    eq(jobTasks.leaseOwner, workerId),
    sql`${jobTasks.status} = 'running'`,
  );

const clearLease = { leaseOwner: null, leaseExpiresAt: null } as const;

/**
 * Marks a task done if this worker still holds it, with the item locked first (the order every
 * finisher takes, so two finishers of one item never deadlock). False: the lease was lost and
 * another worker owns the task now, so this one must store nothing.
 */
export async function completeHeldTask(
  tx: Db,
  task: ClaimedTask,
  workerId: string,
): Promise<boolean> {
  await lockItem(tx, task.itemId);
  const owned = await tx
    .update(jobTasks)
    .set({
      status: "done",
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
      finishedAt: sql`now()`,
    })
    .where(heldBy(task, workerId))
    .returning({ id: jobTasks.id });
  return owned.length > 0;
}

/** A transient failure: back to the queue, not before `delayMs`. False when the lease was lost. */
export async function requeueTask(
  db: Db,
  params: { task: ClaimedTask; workerId: string; message: string; delayMs: number },
): Promise<boolean> {
  const rows = await db
    .update(jobTasks)
    .set({
      status: "queued",
      ...clearLease,
      lastError: params.message,
      nextAttemptAt: sql`now() + make_interval(secs => ${params.delayMs / 1000})`,
    })
    .where(heldBy(params.task, params.workerId))
    .returning({ id: jobTasks.id });
  return rows.length > 0;
}

/** The worker is stopping on purpose: the attempt does not count, the task is free at once. */
export async function releaseTask(
  db: Db,
  params: { task: ClaimedTask; workerId: string },
): Promise<void> {
  await db
    .update(jobTasks)
    .set({ status: "queued", ...clearLease, attempts: sql`greatest(${jobTasks.attempts} - 1, 0)` })
    .where(heldBy(params.task, params.workerId));
}

/** A failure for good: recorded on the task and in the job's error list. */
export async function failTask(
  db: Db,
  params: { task: ClaimedTask; workerId: string; message: string },
): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    await lockItem(tx, params.task.itemId);
    const rows = await tx
      .update(jobTasks)
      .set({ status: "failed", ...clearLease, lastError: params.message, finishedAt: sql`now()` })
      .where(heldBy(params.task, params.workerId))
      .returning({ id: jobTasks.id });
    if (rows.length === 0) return false;
    const error: JobError = {
      task_id: params.task.id,
      item_id: params.task.itemId,
      endpoint_id: params.task.endpointId,
      attempts: params.task.attempts,
      message: params.message,
      at: new Date().toISOString(),
    };
    await tx
      .update(jobs)
      .set({
        errors: sql`case when jsonb_array_length(${jobs.errors}) < ${MAX_JOB_ERRORS}
          then ${jobs.errors} || ${JSON.stringify([error])}::jsonb else ${jobs.errors} end`,
      })
      .where(eq(jobs.id, params.task.jobId));
    await settleItem(tx, { itemId: params.task.itemId });
    return true;
  });
}

/** Extends this worker's leases; returns the ids it still holds (the rest were cancelled or taken over). */
export async function renewLeases(
  db: Db,
  params: { workerId: string; taskIds: string[]; leaseMs: number },
): Promise<Set<string>> {
  if (params.taskIds.length === 0) return new Set();
  const rows = await db
    .update(jobTasks)
    .set({
      leaseExpiresAt: sql`now() + make_interval(secs => ${params.leaseMs / 1000})`,
      heartbeatAt: sql`now()`,
    })
    .where(
      and(
        inArray(jobTasks.id, params.taskIds),
        eq(jobTasks.leaseOwner, params.workerId),
        sql`${jobTasks.status} = 'running'`,
      ),
    )
    .returning({ id: jobTasks.id });
  return new Set(rows.map((r) => r.id));
}
