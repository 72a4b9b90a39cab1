import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { datasetExports } from "@/db/schema/exports";
import { toJsonl } from "@/server/formats/jsonl";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { EXPORT_FORMATS, EXPORT_ROW_SOURCES, type ExportFormat } from "./export-formats";

export interface ExportStream {
  exportId: string;
  filename: string;
  contentType: string;
  body: AsyncIterable<Uint8Array>;
}

/**
 * Starts an export: records it, then streams the file. The row count and sha256 are written
 * to the export record when the last byte has gone out (or `failed` if the stream breaks).
 */
export async function streamExport(
  db: Db,
  params: { campaignId: string; format: string; actorId: string | null },
): Promise<ExportStream> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(params.format)) {
    throw new AppError("BAD_REQUEST", `Unknown export format "${params.format}"`, {
      formats: EXPORT_FORMATS,
    });
  }
  const format = params.format as ExportFormat;
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db
    .select({ id: campaigns.id, slug: campaigns.slug })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  const [record] = await db
    .insert(datasetExports)
    .values({ campaignId: campaign.id, format, file: "jsonl", createdBy: params.actorId })
    .returning({ id: datasetExports.id });
  if (!record) throw new Error("insert returned no row");
  await recordAuditEvent(db, {
    actorId: params.actorId,
    action: "campaign.export",
    campaignId: campaign.id,
    details: { format, exportId: record.id },
  });

  const campaignId = campaign.id;
  const exportId = record.id;

  async function* body(): AsyncGenerator<Uint8Array> {
    const hash = createHash("sha256");
    const encoder = new TextEncoder();
    let rowCount = 0;
    try {
      for await (const line of toJsonl(EXPORT_ROW_SOURCES[format](db, { campaignId }))) {
        const bytes = encoder.encode(line);
        hash.update(bytes);
        rowCount++;
        yield bytes;
      }
    } catch (error) {
      await db
        .update(datasetExports)
        .set({ status: "failed", finishedAt: sql`now()` })
        .where(eq(datasetExports.id, exportId));
      throw error;
    }
    await db
      .update(datasetExports)
      .set({ status: "done", rowCount, sha256: hash.digest("hex"), finishedAt: sql`now()` })
      .where(eq(datasetExports.id, exportId));
  }

  return {
    exportId,
    filename: `${campaign.slug}-${format}.jsonl`,
    contentType: "application/x-ndjson; charset=utf-8",
    body: body(),
  };
}
