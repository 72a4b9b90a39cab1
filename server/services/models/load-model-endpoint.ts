import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelEndpoints, type ModelEndpoint } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";

/** The full row, sealed key included: for services only, never for a reply. */
export async function loadModelEndpoint(db: Db, params: { endpointId: string }): Promise<ModelEndpoint> {
  assertUuid(params.endpointId, "model endpoint");
  const [row] = await db.select().from(modelEndpoints).where(eq(modelEndpoints.id, params.endpointId));
  if (!row) throw new AppError("NOT_FOUND", "No such model endpoint");
  return row;
}
