import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobTasks, type Job } from "@/db/schema";
import type { JobError, JobKind, JobStatus } from "./job-types";

export interface JobView {
  id: string;
  campaignId: string;
  kind: JobKind;
  status: JobStatus;
  params: Record<string, unknown>;
  progress: { done: number; failed: number; cancelled: number; total: number };
  errors: JobError[];
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Jobs with their progress, counted from their tasks (no counter to drift, no hot row to update). */
export async function withProgress(db: Db, rows: Job[]): Promise<JobView[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ jobId: jobTasks.jobId, status: jobTasks.status, n: sql<number>`count(*)::int` })
    .from(jobTasks)
    .where(inArray(jobTasks.jobId, rows.map((j) => j.id)))
    .groupBy(jobTasks.jobId, jobTasks.status);
  return rows.map((job) => {
    const mine = counts.filter((c) => c.jobId === job.id);
    const of = (status: JobStatus) => Number(mine.find((c) => c.status === status)?.n ?? 0);
    return {
      id: job.id,
      campaignId: job.campaignId,
      kind: job.kind,
      status: job.status,
      params: job.params,
      progress: {
        done: of("done"),
        failed: of("failed"),
        cancelled: of("cancelled"),
        total: mine.reduce((sum, c) => sum + Number(c.n), 0),
      },
      errors: job.errors,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
    };
  });
}
