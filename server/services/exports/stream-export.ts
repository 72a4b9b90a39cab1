import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { datasetExports } from "@/db/schema/exports";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { startHeartbeat } from "@/server/services/heartbeat";
import { prepareExport } from "./export-context";
import { exportFileBytes, FILE_TYPES } from "./export-file";
import { recordedOptions, type ExportOptionsInput } from "./export-options";
import { exportRowSource } from "./export-rows";
import { loadExportSetup } from "./load-export-setup";

export interface ExportStream {
  exportId: string;
  filename: string;
  contentType: string;
  body: AsyncIterable<Uint8Array>;
}

/**
 * Starts an export: validates the options, records it, then streams the file. Option and
 * campaign errors are thrown here, before any byte, so a route can still answer 400/404. The
 * row count and sha256 are written to the record when the last byte has gone out (or
 * `failed` if the stream breaks or the client goes away).
 */
export async function streamExport(
  db: Db,
  params: {
    campaignId: string;
    /** Overrides `options.format`; kept for callers that only ever asked for a format. */
    format?: string;
    actorId: string | null;
    options?: ExportOptionsInput | Record<string, unknown>;
  },
): Promise<ExportStream> {
  const { campaign, options } = await loadExportSetup(db, params);
  const ctx = await prepareExport(db, { campaign, options });
  const source = exportRowSource(db, ctx);
  const [record] = await db
    .insert(datasetExports)
    .values({
      campaignId: campaign.id,
      format: options.format,
      file: options.file,
      options: recordedOptions(options),
      createdBy: params.actorId,
    })
    .returning({ id: datasetExports.id });
  if (!record) throw new Error("insert returned no row");
  const exportId = record.id;
  await recordAuditEvent(db, {
    actorId: params.actorId,
    action: "campaign.export",
    campaignId: campaign.id,
    details: { format: options.format, file: options.file, exportId, ...(options.source === "ai-judgements" ? { source: options.source } : {}) },
  });

  async function* body(): AsyncGenerator<Uint8Array> {
    const hash = createHash("sha256");
    const counter = { rows: 0 };
    let finished = false;
    const stopHeartbeat = startHeartbeat(() =>
      db.update(datasetExports).set({ heartbeatAt: sql`now()` }).where(eq(datasetExports.id, exportId)),
    );
    try {
      for await (const bytes of exportFileBytes(source, ctx, counter)) {
        hash.update(bytes);
        yield bytes;
      }
      finished = true;
      await db
        .update(datasetExports)
        .set({
          status: "done",
          rowCount: counter.rows,
          sha256: hash.digest("hex"),
          finishedAt: sql`now()`,
        })
        .where(eq(datasetExports.id, exportId));
    } finally {
      stopHeartbeat();
      // Reached on errors and on an abandoned download (the consumer calls return()).
      if (!finished) {
        await db
          .update(datasetExports)
          .set({ status: "failed", rowCount: counter.rows, finishedAt: sql`now()` })
          .where(eq(datasetExports.id, exportId));
      }
    }
  }

  const type = FILE_TYPES[options.file];
  const suffix = options.file === "hf" ? "-hf" : "";
  return {
    exportId,
    filename: `${campaign.slug}${options.source === "ai-judgements" ? "-ai-judgements" : ""}-${options.format}${suffix}.${type.extension}`,
    contentType: type.contentType,
    body: body(),
  };
}
