import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Closes every unfinished job that has no task left to run: failed when any task failed for
 * good, done otherwise. Run by every worker on every round, so a job ends even if the worker
 * that ran its last task died just after.
 */
export async function finalizeJobs(db: Db): Promise<void> {
  await db.execute(sql`
    update jobs set
      status = case when exists (select 1 from job_tasks t where t.job_id = jobs.id and t.status = 'failed')
        then 'failed' else 'done' end,
      finished_at = now()
    where status in ('queued', 'running')
      and not exists (
        select 1 from job_tasks t where t.job_id = jobs.id and t.status in ('queued', 'running')
      )
  `);
}
