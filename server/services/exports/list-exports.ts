import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { datasetExports, users } from "@/db/schema";
import { assertUuid } from "@/server/services/ids";

/** Past exports of a campaign, newest first, with who ran them (for the admin history). */
export async function listExports(db: Db, params: { campaignId: string; limit?: number }) {
  assertUuid(params.campaignId, "campaign");
  return db
    .select({
      id: datasetExports.id,
      format: datasetExports.format,
      file: datasetExports.file,
      options: datasetExports.options,
      status: datasetExports.status,
      rowCount: datasetExports.rowCount,
      sha256: datasetExports.sha256,
      createdBy: users.email,
      createdAt: datasetExports.createdAt,
      finishedAt: datasetExports.finishedAt,
    })
    .from(datasetExports)
    .leftJoin(users, eq(users.id, datasetExports.createdBy))
    .where(eq(datasetExports.campaignId, params.campaignId))
    .orderBy(desc(datasetExports.createdAt))
    .limit(params.limit ?? 50);
}
