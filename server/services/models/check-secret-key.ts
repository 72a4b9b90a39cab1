import { isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelEndpoints } from "@/db/schema";
import { env, hasSecretKey, secretKey } from "@/server/env";

/**
 * Start-up check (DESIGN §10, §15): a malformed ARBITER_SECRET_KEY stops the process at once;
 * in production a missing key is fatal as soon as any endpoint has a stored API key, because
 * those keys could not be read. Without stored keys a missing key only blocks saving one.
 */
export async function checkSecretKey(db: Db): Promise<void> {
  if (hasSecretKey()) {
    secretKey();
    return;
  }
  if (env().NODE_ENV !== "production") return;
  const [sealed] = await db
    .select({ id: modelEndpoints.id })
    .from(modelEndpoints)
    .where(isNotNull(modelEndpoints.apiKeyCiphertext))
    .limit(1);
  if (sealed) secretKey();
}
