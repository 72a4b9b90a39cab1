import { restRoute } from "@/server/http/rest-route";
import { identityLeaksJson, identityLeaksQuery } from "@/server/http/v1/leak-schemas";
import { listIdentityLeaks } from "@/server/services/leaks/list-identity-leaks";

/** Items the identity-leak guard flagged: which response, which phrase, the text around it. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params, request }) => {
  const input = identityLeaksQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(identityLeaksJson(await listIdentityLeaks(db, { campaignId: params.id, input })));
});

export const dynamic = "force-dynamic";
