import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { releaseIdentityLeaksBody } from "@/server/http/v1/leak-schemas";
import { releaseIdentityLeaks } from "@/server/services/leaks/release-identity-leaks";

/** Releases flagged items to annotators (or, with `released: false`, holds them again). */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, releaseIdentityLeaksBody);
  return Response.json(await releaseIdentityLeaks(db, { campaignId: params.id, input, actorId: user.id }));
});

export const dynamic = "force-dynamic";
