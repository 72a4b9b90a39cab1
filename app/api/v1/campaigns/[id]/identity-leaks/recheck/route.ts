import { restRoute } from "@/server/http/rest-route";
import { recheckJson } from "@/server/http/v1/leak-schemas";
import { recheckCampaignLeaks } from "@/server/services/leaks/recheck-campaign-leaks";

/** Checks every response of the campaign against its current list again. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params }) => {
  return Response.json(recheckJson(await recheckCampaignLeaks(db, { campaignId: params.id, actorId: user.id })));
});

export const dynamic = "force-dynamic";
