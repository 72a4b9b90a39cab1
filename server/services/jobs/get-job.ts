import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import { type JobView, withProgress } from "./job-view";

export async function getJob(db: Db, params: { jobId: string }): Promise<JobView> {
  assertUuid(params.jobId, "job");
  const rows = await db.select().from(jobs).where(eq(jobs.id, params.jobId));
  const [view] = await withProgress(db, rows);
  if (!view) throw new AppError("NOT_FOUND", "No such job");
  return view;
}
