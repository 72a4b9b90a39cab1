import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { judgeBody } from "@/server/http/v1/model-schemas";
import { jobJson } from "@/server/http/v1/present-models";
import { getJob } from "@/server/services/jobs/get-job";
import { startJudgeJob } from "@/server/services/judges/start-judge-job";

/** Queues an LLM judge over the campaign's items, in both display orders: 202 with the job. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, judgeBody);
  const job = await startJudgeJob(db, { campaignId: params.id, input, actorId: user.id });
  return Response.json({ job_id: job.id, job: jobJson(await getJob(db, { jobId: job.id })) }, { status: 202 });
});

export const dynamic = "force-dynamic";
