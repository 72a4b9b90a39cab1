import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, responses, type NewResponse } from "@/db/schema";
import { ByteLimitExceeded, GzipError, gunzipIfNeeded, limitBytes } from "@/server/formats/byte-streams";
import type { ImportedItem, ImportFormat, ImportProblem } from "@/server/formats/import-types";
import { formatBytes } from "@/server/formats/read-lines";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { RESPONSE_COUNT_BOUNDS } from "@/server/services/campaigns/template-config";
import { assertUuid } from "@/server/services/ids";
import { IMPORT_PARSERS } from "./import-parsers";

export const MAX_REPORTED_PROBLEMS = 100;
const BATCH_SIZE = 500;

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
  const parse = IMPORT_PARSERS[params.format];
  try {
    return await db.transaction(async (tx) => {
      const [campaign] = await tx
        .select()
        .from(campaigns)
        .where(eq(campaigns.id, params.campaignId))
        .for("share");
      if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
      if (campaign.status === "archived") {
        throw new AppError("CONFLICT", "An archived campaign takes no new items");
      }
      const bounds = RESPONSE_COUNT_BOUNDS[campaign.template.kind];
      const problems: ImportProblem[] = [];
      let problemCount = 0;
      const report = (found: ImportProblem[]) => {
        problemCount += found.length;
        for (const p of found) if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(p);
      };
      const firstLineOf = new Map<string, number>();
      let batch: ImportedItem[] = [];
      const result: ImportResult = { imported: 0, duplicates: 0 };
      let records = 0;

      const bytes = limitBytes(gunzipIfNeeded(limitBytes(params.body, params.maxBytes)), params.maxBytes * 20);
      for await (const record of parse(bytes)) {
        records++;
        if ("problems" in record) {
          report(record.problems);
          continue;
        }
        const { item, line } = record;
        const count = item.responses.length;
        if (count < bounds.min || count > bounds.max) {
          const wanted = bounds.min === bounds.max ? `${bounds.min}` : `${bounds.min} to ${bounds.max}`;
          report([{ line, field: "responses", message: `A ${campaign.template.kind} campaign needs ${wanted} responses per item, this one has ${count}` }]);
          continue;
        }
        const firstLine = firstLineOf.get(item.externalId);
        if (firstLine !== undefined) {
          report([{ line, field: "id", message: `Id "${item.externalId}" already appears on line ${firstLine}` }]);
          continue;
        }
        firstLineOf.set(item.externalId, line);
        // After the first problem nothing more is written: the transaction will roll back anyway.
        if (problemCount > 0) continue;
        batch.push(item);
        if (batch.length >= BATCH_SIZE) {
          await writeBatch(tx, campaign.id, campaign.overlap, batch, result);
          batch = [];
        }
      }
      if (records === 0) {
        throw new AppError("BAD_REQUEST", "The file has no items", {
          errors: [{ line: 0, field: null, message: "The file is empty" }],
          errorCount: 1,
        } satisfies ImportFailureDetails);
      }
      if (problemCount > 0) {
        throw new AppError(
          "BAD_REQUEST",
          `Nothing was imported: the file has ${problemCount} problem${problemCount === 1 ? "" : "s"}`,
          { errors: problems, errorCount: problemCount } satisfies ImportFailureDetails,
        );
      }
      await writeBatch(tx, campaign.id, campaign.overlap, batch, result);
      await recordAuditEvent(tx, {
        actorId: params.actorId,
        action: "campaign.import",
        campaignId: campaign.id,
        details: { format: params.format, ...result },
      });
      return result;
    });
  } catch (error) {
    throw translateStreamError(error);
  }
}

async function writeBatch(
  tx: Db,
  campaignId: string,
  overlap: number,
  batch: ImportedItem[],
  result: ImportResult,
): Promise<void> {
  if (batch.length === 0) return;
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
      }),
    );
  }
  if (responseRows.length > 0) await tx.insert(responses).values(responseRows);
}

function translateStreamError(error: unknown): unknown {
  if (error instanceof ByteLimitExceeded) {
    return new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${formatBytes(error.limit)}`);
  }
  if (error instanceof GzipError) return new AppError("BAD_REQUEST", error.message);
  return error;
}
