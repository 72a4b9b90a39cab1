import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs, jobTasks } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { getJob } from "./get-job";
import type { JobView } from "./job-view";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Cancels a job: its queued and running tasks end as cancelled. A worker midway through one
 * finds its lease gone at its next heartbeat (and aborts the request) or when it tries to store
 * the result (which is then dropped). Responses already stored stay. Cancelling a cancelled job
 * is a no-op; a finished one cannot be cancelled.
 */
export async function cancelJob(
  db: Db,
  params: { jobId: string; actorId: string | null },
): Promise<JobView> {
  assertUuid(params.jobId, "job");
  await writeTransaction(db, async (tx) => {
    const [job] = await tx
      .select({ status: jobs.status, campaignId: jobs.campaignId })
      .from(jobs)
      .where(eq(jobs.id, params.jobId));
    if (!job) throw new AppError("NOT_FOUND", "No such job");
    if (job.status === "cancelled") return;
    if (job.status === "done" || job.status === "failed")
      throw new AppError("CONFLICT", `The job already ended (${job.status})`);
    // Tasks before the job row: every writer locks a job's tasks before the job, so this cannot deadlock.
    await tx
      .update(jobTasks)
      .set({ status: "cancelled", leaseOwner: null, leaseExpiresAt: null, finishedAt: sql`now()` })
      .where(
        and(eq(jobTasks.jobId, params.jobId), inArray(jobTasks.status, ["queued", "running"])),
      );
    await tx
      .update(jobs)
      .set({ status: "cancelled", finishedAt: sql`now()` })
      .where(and(eq(jobs.id, params.jobId), inArray(jobs.status, ["queued", "running"])));
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "job.cancel",
      campaignId: job.campaignId,
      subjectType: "job",
      subjectId: params.jobId,
    });
  });
  return getJob(db, { jobId: params.jobId });
}
