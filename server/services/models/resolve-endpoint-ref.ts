import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelEndpoints } from "@/db/schema";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/services/ids";

/** Operators name endpoints by id or by name (the CLI); this finds the id either way. */
export async function resolveEndpointRef(db: Db, params: { ref: string }): Promise<{ id: string; name: string }> {
  const ref = params.ref.trim();
  const [endpoint] = await db
    .select({ id: modelEndpoints.id, name: modelEndpoints.name })
    .from(modelEndpoints)
    .where(isUuid(ref) ? eq(modelEndpoints.id, ref) : eq(modelEndpoints.name, ref))
    .limit(1);
  if (!endpoint) throw new AppError("NOT_FOUND", `No model endpoint with id or name "${ref}"`);
  return endpoint;
}
