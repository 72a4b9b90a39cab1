import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobs } from "@/db/schema";
import { assertUuid } from "@/server/services/ids";
import { type JobView, withProgress } from "./job-view";

/** The campaign's most recent jobs, newest first. */
export async function listCampaignJobs(db: Db, params: { campaignId: string; limit?: number }): Promise<JobView[]> {
  assertUuid(params.campaignId, "campaign");
  const rows = await db
    .select()
    .from(jobs)
    .where(eq(jobs.campaignId, params.campaignId))
    .orderBy(desc(jobs.createdAt))
    .limit(params.limit ?? 10);
  return withProgress(db, rows);
}
