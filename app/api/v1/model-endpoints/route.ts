import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { createModelEndpointBody } from "@/server/http/v1/model-schemas";
import { modelEndpointJson } from "@/server/http/v1/present-models";
import { createModelEndpoint } from "@/server/services/models/create-model-endpoint";
import { listModelEndpoints } from "@/server/services/models/list-model-endpoints";

export const GET = restRoute("admin", async ({ db }) => {
  const endpoints = await listModelEndpoints(db);
  return Response.json({ model_endpoints: endpoints.map(modelEndpointJson) });
});

export const POST = restRoute("admin", async ({ db, user, request }) => {
  const input = await readJsonBody(request, createModelEndpointBody);
  const endpoint = await createModelEndpoint(db, { input, actorId: user.id });
  return Response.json(modelEndpointJson(endpoint), { status: 201 });
});

export const dynamic = "force-dynamic";
