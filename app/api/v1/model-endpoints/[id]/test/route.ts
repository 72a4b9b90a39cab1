import { restRoute } from "@/server/http/rest-route";
import { endpointTestJson } from "@/server/http/v1/present-models";
import { testModelEndpoint } from "@/server/services/models/test-model-endpoint";

/** One tiny chat completion with the stored settings: 200 either way, `ok` says how it went. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(endpointTestJson(await testModelEndpoint(db, { endpointId: params.id })));
});

export const dynamic = "force-dynamic";
