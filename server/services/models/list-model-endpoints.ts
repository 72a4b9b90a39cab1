import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelEndpoints } from "@/db/schema";
import { toEndpointView, type ModelEndpointView } from "./endpoint-view";

export async function listModelEndpoints(db: Db): Promise<ModelEndpointView[]> {
  const rows = await db.select().from(modelEndpoints).orderBy(asc(modelEndpoints.name));
  return rows.map(toEndpointView);
}
