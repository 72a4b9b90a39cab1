import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { generateBody } from "@/server/http/v1/model-schemas";
import { jobJson } from "@/server/http/v1/present-models";
import { getJob } from "@/server/services/jobs/get-job";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";

/** Queues generation for the campaign's waiting prompts: 202 with the job to poll. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, generateBody);
  const job = await startGenerationJob(db, { campaignId: params.id, input, actorId: user.id });
  const view = await getJob(db, { jobId: job.id });
  return Response.json({ job_id: job.id, job: jobJson(view) }, { status: 202 });
});

export const dynamic = "force-dynamic";
