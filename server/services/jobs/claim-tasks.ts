import { and, asc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, jobTasks, modelEndpoints } from "@/db/schema";
import { shuffle } from "@/server/services/shuffle";
import type { JobKind } from "./job-types";
import { MAX_TASK_ATTEMPTS } from "./retry-policy";
import { writeTransaction } from "@/server/services/with-retry";

export interface ClaimedTask {
  id: string;
  jobId: string;
  kind: JobKind;
  itemId: string;
  endpointId: string;
  sample: number;
  /** Including this one. */
  attempts: number;
}

/**
 * Leases up to `limit` tasks for this worker. Per endpoint, one short transaction: the
 * endpoint's row is locked (SKIP LOCKED: another worker claiming for it right now is left to it)
 * so that the count of its live leases and the new leases cannot race, which keeps every
 * endpoint within its concurrency limit across all workers. Tasks are row-locked with
 * FOR UPDATE SKIP LOCKED; a task whose lease expired (its worker died) is claimable again.
 */
export async function claimTasks(
  db: Db,
  params: { workerId: string; limit: number; leaseMs: number },
): Promise<ClaimedTask[]> {
  if (params.limit <= 0) return [];
  const unfinished = await db
    .select({ kind: jobs.kind, endpoints: sql<string[] | null>`${jobs.params}->'endpoints'` })
    .from(jobs)
    .where(sql`${jobs.status} in ('queued', 'running')`);
  const endpointIds = shuffle([...new Set(unfinished.flatMap((j) => j.endpoints ?? []))]);
  const claimed: ClaimedTask[] = [];
  for (const endpointId of endpointIds) {
    const room = params.limit - claimed.length;
    if (room <= 0) break;
    claimed.push(...(await claimForEndpoint(db, { ...params, endpointId, limit: room })));
  }
  return claimed;
}

async function claimForEndpoint(
  db: Db,
  params: { workerId: string; endpointId: string; limit: number; leaseMs: number },
): Promise<ClaimedTask[]> {
  return writeTransaction(db, async (tx) => {
    const [endpoint] = await tx
      .select({ concurrency: modelEndpoints.concurrency })
      .from(modelEndpoints)
      .where(eq(modelEndpoints.id, params.endpointId))
      .for("update", { skipLocked: true });
    if (!endpoint) return [];
    const [live] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(jobTasks)
      .where(
        and(
          eq(jobTasks.endpointId, params.endpointId),
          sql`${jobTasks.status} = 'running'`,
          gt(jobTasks.leaseExpiresAt, sql`now()`),
        ),
      );
    const room = Math.min(params.limit, endpoint.concurrency - Number(live?.n ?? 0));
    if (room <= 0) return [];

    // Abandoned leases first (a worker died holding them), then due tasks in the order they fell due.
    const expired = await tx
      .select({ id: jobTasks.id })
      .from(jobTasks)
      .where(
        and(
          eq(jobTasks.endpointId, params.endpointId),
          sql`${jobTasks.status} = 'running'`,
          lte(jobTasks.leaseExpiresAt, sql`now()`),
        ),
      )
      .orderBy(asc(jobTasks.leaseExpiresAt))
      .limit(room)
      .for("update", { skipLocked: true });
    const due =
      expired.length >= room
        ? []
        : await tx
            .select({ id: jobTasks.id })
            .from(jobTasks)
            .where(
              and(
                eq(jobTasks.endpointId, params.endpointId),
                sql`${jobTasks.status} = 'queued'`,
                lte(jobTasks.nextAttemptAt, sql`now()`),
                lt(jobTasks.attempts, MAX_TASK_ATTEMPTS),
              ),
            )
            .orderBy(asc(jobTasks.nextAttemptAt))
            .limit(room - expired.length)
            .for("update", { skipLocked: true });
    const ids = [...expired, ...due].map((t) => t.id);
    if (ids.length === 0) return [];

    const leased = await tx
      .update(jobTasks)
      .set({
        status: "running",
        leaseOwner: params.workerId,
        leaseExpiresAt: sql`now() + make_interval(secs => ${params.leaseMs / 1000})`,
        heartbeatAt: sql`now()`,
        attempts: sql`${jobTasks.attempts} + 1`,
      })
      .where(inArray(jobTasks.id, ids))
      .returning();
    const jobIds = [...new Set(leased.map((t) => t.jobId))];
    // Only a job's first claim writes its row, so claims do not queue on a hot job row.
    await tx
      .update(jobs)
      .set({ status: "running", startedAt: sql`now()` })
      .where(and(inArray(jobs.id, jobIds), sql`${jobs.status} = 'queued'`));
    const kinds = await tx
      .select({ id: jobs.id, kind: jobs.kind })
      .from(jobs)
      .where(inArray(jobs.id, jobIds));
    const kindOf = new Map(kinds.map((j) => [j.id, j.kind]));
    return leased.map((t) => ({
      id: t.id,
      jobId: t.jobId,
      kind: kindOf.get(t.jobId) ?? "generate",
      itemId: t.itemId,
      endpointId: t.endpointId,
      sample: t.sample,
      attempts: t.attempts,
    }));
  });
}
