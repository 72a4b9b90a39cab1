import { restRoute } from "@/server/http/rest-route";
import { jobJson } from "@/server/http/v1/present-models";
import { listCampaignJobs } from "@/server/services/jobs/list-campaign-jobs";

export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  const jobs = await listCampaignJobs(db, { campaignId: params.id, limit: 50 });
  return Response.json({ jobs: jobs.map(jobJson) });
});

export const dynamic = "force-dynamic";
