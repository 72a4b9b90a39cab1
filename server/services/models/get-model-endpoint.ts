import type { Db } from "@/db/client";
import { toEndpointView, type ModelEndpointView } from "./endpoint-view";
import { loadModelEndpoint } from "./load-model-endpoint";

export async function getModelEndpoint(db: Db, params: { endpointId: string }): Promise<ModelEndpointView> {
  return toEndpointView(await loadModelEndpoint(db, params));
}
