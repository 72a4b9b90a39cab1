import { restRoute } from "@/server/http/rest-route";
import { statsJson } from "@/server/http/v1/present";
import { getCampaignStats } from "@/server/services/campaigns/get-campaign-stats";

/** Progress for admins: items, judgements, completed items and per-annotator counts. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(statsJson(await getCampaignStats(db, { campaignId: params.id })));
});

export const dynamic = "force-dynamic";
