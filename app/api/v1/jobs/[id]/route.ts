import { restRoute } from "@/server/http/rest-route";
import { jobJson } from "@/server/http/v1/present-models";
import { getJob } from "@/server/services/jobs/get-job";

export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(jobJson(await getJob(db, { jobId: params.id })));
});

export const dynamic = "force-dynamic";
