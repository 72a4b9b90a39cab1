import { restRoute } from "@/server/http/rest-route";
import { jobJson } from "@/server/http/v1/present-models";
import { cancelJob } from "@/server/services/jobs/cancel-job";

export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params }) => {
  return Response.json(jobJson(await cancelJob(db, { jobId: params.id, actorId: user.id })));
});

export const dynamic = "force-dynamic";
