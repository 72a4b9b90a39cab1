import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { campaignJson, campaignSummaryJson } from "@/server/http/v1/present";
import { createCampaignBody } from "@/server/http/v1/schemas";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { listCampaigns } from "@/server/services/campaigns/list-campaigns";

/** Admins: every campaign. Annotators: the active or paused ones they belong to. */
export const GET = restRoute("user", async ({ db, user }) => {
  const campaigns = await listCampaigns(db, { user });
  return Response.json({ campaigns: campaigns.map(campaignSummaryJson) });
});

export const POST = restRoute("admin", async ({ db, user, request }) => {
  const input = await readJsonBody(request, createCampaignBody);
  const campaign = await createCampaign(db, { input, actorId: user.id });
  return Response.json(campaignJson(campaign), { status: 201 });
});

export const dynamic = "force-dynamic";
