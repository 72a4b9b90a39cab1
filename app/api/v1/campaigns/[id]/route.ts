import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { campaignJson } from "@/server/http/v1/present";
import { updateCampaignBody } from "@/server/http/v1/schemas";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";

export const GET = restRoute<{ id: string }>("user", async ({ db, user, params }) => {
  const campaign = await getCampaignForUser(db, { campaignId: params.id, user });
  return Response.json(campaignJson(campaign));
});

/** Any subset of the create fields, plus `status` (draft → active ⇄ paused → archived). */
export const PATCH = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, updateCampaignBody);
  const campaign = await updateCampaign(db, { campaignId: params.id, input, actorId: user.id });
  return Response.json(campaignJson(campaign));
});

export const dynamic = "force-dynamic";
