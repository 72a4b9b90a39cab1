import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobTasks, modelEndpoints } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { writeTransaction } from "@/server/services/with-retry";

/**
 * Deletes an endpoint and the record of its finished tasks. Refused while a job still has
 * work queued or running for it: cancel the job first. Generated responses stay (their
 * generation record names the endpoint).
 */
export async function deleteModelEndpoint(
  db: Db,
  params: { endpointId: string; actorId: string | null },
): Promise<void> {
  assertUuid(params.endpointId, "model endpoint");
  await writeTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ id: modelEndpoints.id, name: modelEndpoints.name })
      .from(modelEndpoints)
      .where(eq(modelEndpoints.id, params.endpointId))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND", "No such model endpoint");
    const [busy] = await tx
      .select({ id: jobTasks.id })
      .from(jobTasks)
      .where(and(eq(jobTasks.endpointId, row.id), inArray(jobTasks.status, ["queued", "running"])))
      .limit(1);
    if (busy)
      throw new AppError("CONFLICT", "A job still has work for this endpoint; cancel it first");
    await tx.delete(modelEndpoints).where(eq(modelEndpoints.id, row.id));
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "model_endpoint.delete",
      subjectType: "model_endpoint",
      subjectId: row.id,
      details: { name: row.name },
    });
  });
}
