import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema/exports";
import { currentActingToken } from "./acting-token";

export async function recordAuditEvent(
  db: Db,
  params: {
    actorId: string | null;
    action: string;
    campaignId?: string | null;
    subjectType?: string;
    subjectId?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: params.actorId,
    tokenId: currentActingToken(),
    action: params.action,
    campaignId: params.campaignId ?? null,
    subjectType: params.subjectType,
    subjectId: params.subjectId,
    details: params.details ?? {},
  });
}
