import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { updateModelEndpointBody } from "@/server/http/v1/model-schemas";
import { modelEndpointJson } from "@/server/http/v1/present-models";
import { deleteModelEndpoint } from "@/server/services/models/delete-model-endpoint";
import { getModelEndpoint } from "@/server/services/models/get-model-endpoint";
import { updateModelEndpoint } from "@/server/services/models/update-model-endpoint";

export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(modelEndpointJson(await getModelEndpoint(db, { endpointId: params.id })));
});

/** Any subset of the create fields; `api_key: null` removes the stored key. */
export const PATCH = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, updateModelEndpointBody);
  const endpoint = await updateModelEndpoint(db, { endpointId: params.id, input, actorId: user.id });
  return Response.json(modelEndpointJson(endpoint));
});

export const DELETE = restRoute<{ id: string }>("admin", async ({ db, user, params }) => {
  await deleteModelEndpoint(db, { endpointId: params.id, actorId: user.id });
  return new Response(null, { status: 204 });
});

export const dynamic = "force-dynamic";
