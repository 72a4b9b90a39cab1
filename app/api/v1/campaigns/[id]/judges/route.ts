import { restRoute } from "@/server/http/rest-route";
import { judgeReportJson } from "@/server/http/v1/present-models";
import { listJudges } from "@/server/services/judges/list-judges";

export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  const judges = await listJudges(db, { campaignId: params.id });
  return Response.json({ judges: judges.map(judgeReportJson) });
});

export const dynamic = "force-dynamic";
