import { restRoute } from "@/server/http/rest-route";
import { identityLeaksJson, identityLeaksQuery } from "@/server/http/v1/leak-schemas";
import { parseQuery } from "@/server/http/v1/user-schemas";
import { listIdentityLeaks } from "@/server/services/leaks/list-identity-leaks";

/** Items the identity-leak guard flagged: which response, which phrase, the text around it. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params, request }) => {
  const input = parseQuery(request, identityLeaksQuery);
  return Response.json(identityLeaksJson(await listIdentityLeaks(db, { campaignId: params.id, input })));
});

export const dynamic = "force-dynamic";
