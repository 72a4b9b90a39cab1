import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, responses, type NewResponse } from "@/db/schema";
import type { ImportedItem, ImportFormat, ImportProblem } from "@/server/formats/import-types";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { scanImportFile } from "./scan-import-file";
import { writeTransaction } from "@/server/services/with-retry";

export interface ImportResult {
  imported: number;
  /** Items whose external id the campaign already had: skipped, not overwritten. */
  duplicates: number;
}

export interface ImportFailureDetails {
  errors: ImportProblem[];
  errorCount: number;
}

/**
 * Imports a file into a campaign: parse as a stream, validate every record, and write all of
 * them in one transaction, or nothing at all if any record is bad. Problems are reported with
 * their line numbers (the first 100, plus the total count).
 */
export async function importItems(
  db: Db,
  params: {
    campaignId: string;
    format: ImportFormat;
    body: AsyncIterable<Uint8Array>;
    maxBytes: number;
    actorId: string | null;
  },
): Promise<ImportResult> {
  assertUuid(params.campaignId, "campaign");
  return writeTransaction(db, async (tx) => {
    // The transaction stays open while the upload streams in, and after a first bad line it
    // issues no statement until the end of the file: a slow upload must not be cut off by the
    // pool's idle-in-transaction timeout, or the admin gets a 500 instead of the line report.
    await tx.execute(sql`set local idle_in_transaction_session_timeout = '30min'`);
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("share");
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    if (campaign.status === "archived") {
      throw new AppError("CONFLICT", "An archived campaign takes no new items");
    }
    const result: ImportResult = { imported: 0, duplicates: 0 };
    const scan = await scanImportFile({
      format: params.format,
      body: params.body,
      maxBytes: params.maxBytes,
      templateKind: campaign.template.kind,
      // After the first problem nothing more is written: the transaction will roll back anyway.
      onBatch: (batch, clean) =>
        clean ? writeBatch(tx, campaign.id, campaign.overlap, batch, result) : Promise.resolve(),
    });
    if (scan.records === 0) {
      throw new AppError("BAD_REQUEST", "The file has no items", {
        errors: [{ line: 0, field: null, message: "The file is empty" }],
        errorCount: 1,
      } satisfies ImportFailureDetails);
    }
    if (scan.problemCount > 0) {
      throw new AppError(
        "BAD_REQUEST",
        `Nothing was imported: the file has ${scan.problemCount} problem${scan.problemCount === 1 ? "" : "s"}`,
        { errors: scan.problems, errorCount: scan.problemCount } satisfies ImportFailureDetails,
      );
    }
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.import",
      campaignId: campaign.id,
      details: { format: params.format, ...result },
    });
    return result;
  });
}

async function writeBatch(
  tx: Db,
  campaignId: string,
  overlap: number,
  batch: ImportedItem[],
  result: ImportResult,
): Promise<void> {
  const inserted = await tx
    .insert(items)
    .values(
      batch.map((item) => ({
        campaignId,
        externalId: item.externalId,
        prompt: item.prompt,
        promptFormat: item.promptFormat,
        metadata: item.metadata,
        kind: item.gold === undefined ? ("regular" as const) : ("gold" as const),
        goldAnswer: item.gold,
        source: item.source,
        openSlots: overlap,
      })),
    )
    .onConflictDoNothing({ target: [items.campaignId, items.externalId] })
    .returning({ id: items.id, externalId: items.externalId });
  result.imported += inserted.length;
  result.duplicates += batch.length - inserted.length;
  const idByExternal = new Map(inserted.map((row) => [row.externalId, row.id]));
  const responseRows: NewResponse[] = [];
  for (const item of batch) {
    const itemId = idByExternal.get(item.externalId);
    if (!itemId) continue;
    item.responses.forEach((r, position) =>
      responseRows.push({
        itemId,
        externalId: r.externalId,
        position,
        model: r.model,
        contentKind: r.contentKind,
        content: r.content,
        reasoning: r.reasoning ?? null,
      }),
    );
  }
  if (responseRows.length > 0) await tx.insert(responses).values(responseRows);
}
