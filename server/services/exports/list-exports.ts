import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { datasetExports, users, type ExportRecord } from "@/db/schema";
import { STALE_AFTER_MS } from "@/server/services/heartbeat";
import { assertUuid } from "@/server/services/ids";

/**
 * A `running` export whose heartbeat stopped belongs to a process that died: it is reported as
 * failed (finished when it last beat), so the history never shows it running forever.
 */
const reportedStatus = sql<ExportRecord["status"]>`case when ${datasetExports.status} = 'running'
  and ${datasetExports.heartbeatAt} < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})
  then 'failed' else ${datasetExports.status} end`;

/** Past exports of a campaign, newest first, with who ran them (for the admin history). */
export async function listExports(db: Db, params: { campaignId: string; limit?: number }) {
  assertUuid(params.campaignId, "campaign");
  return db
    .select({
      id: datasetExports.id,
      format: datasetExports.format,
      file: datasetExports.file,
      options: datasetExports.options,
      status: reportedStatus,
      rowCount: datasetExports.rowCount,
      sha256: datasetExports.sha256,
      createdBy: users.email,
      createdAt: datasetExports.createdAt,
      finishedAt: sql<Date | null>`coalesce(${datasetExports.finishedAt},
        case when ${reportedStatus} = 'failed' then ${datasetExports.heartbeatAt} end)`.mapWith(
        datasetExports.finishedAt,
      ),
    })
    .from(datasetExports)
    .leftJoin(users, eq(users.id, datasetExports.createdBy))
    .where(eq(datasetExports.campaignId, params.campaignId))
    .orderBy(desc(datasetExports.createdAt))
    .limit(params.limit ?? 50);
}
