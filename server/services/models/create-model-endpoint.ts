import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { modelEndpoints } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { isUniqueViolation } from "@/server/services/db-errors";
import { createModelEndpointInput, type CreateModelEndpointInput } from "./endpoint-inputs";
import { sealApiKey } from "./endpoint-secret";
import { toEndpointView, type ModelEndpointView } from "./endpoint-view";
import { writeTransaction } from "@/server/services/with-retry";

export async function createModelEndpoint(
  db: Db,
  params: { input: CreateModelEndpointInput; actorId: string | null },
): Promise<ModelEndpointView> {
  const input = createModelEndpointInput.parse(params.input);
  // The id is chosen here so the sealed key can be bound to it before the row exists.
  const id = randomUUID();
  const apiKeyCiphertext = input.api_key === undefined ? null : sealApiKey(id, input.api_key);
  try {
    return await writeTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(modelEndpoints)
        .values({
          id,
          name: input.name,
          baseUrl: input.base_url,
          model: input.model,
          apiKeyCiphertext,
          params: input.params ?? {},
          concurrency: input.concurrency,
          timeoutSeconds: input.timeout_seconds,
          createdBy: params.actorId,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await recordAuditEvent(tx, {
        actorId: params.actorId,
        action: "model_endpoint.create",
        subjectType: "model_endpoint",
        subjectId: row.id,
        details: { name: row.name, base_url: row.baseUrl, model: row.model },
      });
      return toEndpointView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `An endpoint named "${input.name}" already exists`);
    throw error;
  }
}
