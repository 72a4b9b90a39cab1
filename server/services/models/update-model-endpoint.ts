import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { modelEndpoints, type NewModelEndpoint } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { isUniqueViolation } from "@/server/services/db-errors";
import { assertUuid } from "@/server/services/ids";
import { updateModelEndpointInput, type UpdateModelEndpointInput } from "./endpoint-inputs";
import { sealApiKey } from "./endpoint-secret";
import { toEndpointView, type ModelEndpointView } from "./endpoint-view";
import { writeTransaction } from "@/server/services/with-retry";

export async function updateModelEndpoint(
  db: Db,
  params: { endpointId: string; input: UpdateModelEndpointInput; actorId: string | null },
): Promise<ModelEndpointView> {
  assertUuid(params.endpointId, "model endpoint");
  const input = updateModelEndpointInput.parse(params.input);
  const changes: Partial<NewModelEndpoint> = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.base_url !== undefined ? { baseUrl: input.base_url } : {}),
    ...(input.model !== undefined ? { model: input.model } : {}),
    ...(input.params !== undefined ? { params: input.params } : {}),
    ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
    ...(input.timeout_seconds !== undefined ? { timeoutSeconds: input.timeout_seconds } : {}),
  };
  if (input.api_key !== undefined) {
    changes.apiKeyCiphertext =
      input.api_key === null ? null : sealApiKey(params.endpointId, input.api_key);
  }
  try {
    return await writeTransaction(db, async (tx) => {
      const [row] = await tx
        .update(modelEndpoints)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(modelEndpoints.id, params.endpointId))
        .returning();
      if (!row) throw new AppError("NOT_FOUND", "No such model endpoint");
      await recordAuditEvent(tx, {
        actorId: params.actorId,
        action: "model_endpoint.update",
        subjectType: "model_endpoint",
        subjectId: row.id,
        // Which fields changed, never their values: one of them may be the key.
        details: { fields: Object.keys(input) },
      });
      return toEndpointView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `An endpoint named "${input.name ?? ""}" already exists`);
    throw error;
  }
}
