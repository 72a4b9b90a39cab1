import type { Db } from "@/db/client";
import { getJob } from "@/server/services/jobs/get-job";
import type { JobView } from "@/server/services/jobs/job-view";
import { runWorker } from "@/server/services/jobs/run-worker";
import { progressBar } from "./progress";

/**
 * Shows a job's progress (a bar on stderr) until it ends, working on it in this process
 * meanwhile unless `work` is false (then the app's or `arbiter worker`'s workers do it).
 */
export async function followJob(
  db: Db,
  jobId: string,
  options: { work: boolean; pollMs: number; label: string; unit: string },
): Promise<JobView> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  const worker = options.work ? runWorker(db, { signal: stop.signal, pollMs: options.pollMs }) : Promise.resolve();
  let job = await getJob(db, { jobId });
  const bar = progressBar(options.label, job.progress.total, options.unit);
  try {
    while ((job.status === "queued" || job.status === "running") && !stop.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
      job = await getJob(db, { jobId });
      bar.update(job.progress.done + job.progress.failed);
    }
  } finally {
    bar.stop();
    stop.abort();
    process.off("SIGINT", onSignal);
    await worker;
  }
  return job;
}

/** One summary line (and the first errors) on stderr; a job that did not finish cleanly exits 1. */
export function reportJob(job: JobView, unit: string): void {
  process.stderr.write(`Job ${job.status}: ${job.progress.done}/${job.progress.total} ${unit}, ${job.progress.failed} failed.\n`);
  for (const e of job.errors.slice(0, 10)) process.stderr.write(`  item ${e.item_id}: ${e.message}\n`);
  if (job.status !== "done") process.exitCode = 1;
}
