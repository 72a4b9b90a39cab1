import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign } from "@/db/schema";
import { compileLeakMatcher, flaggedStatus, leakCheckedText, type LeakMatcher } from "@/server/domain/identity-leak";
import type { ImportedItem, ImportFormat, ImportProblem } from "@/server/formats/import-types";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { pgArray as textArray } from "@/server/services/pg-array";
import { scanImportFile } from "./scan-import-file";
import { writeTransaction } from "@/server/services/with-retry";

export interface ImportResult {
  imported: number;
  /** Items whose external id the campaign already had: skipped, not overwritten. */
  duplicates: number;
  /** Imported items with a response that names a model or vendor (held or warned, by the campaign's mode). */
  flagged: number;
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
    const result: ImportResult = { imported: 0, duplicates: 0, flagged: 0 };
    // The identity-leak guard checks every response before it is stored, so no annotator is
    // ever served one unchecked.
    const matcher = compileLeakMatcher(campaign.identityLeakWords);
    // One batch is written while the next is parsed: the parser waits only for the write
    // before last. A failed write is held (not left unhandled) and surfaces at the next batch
    // or at the end.
    let writing: Promise<void> = Promise.resolve();
    const scan = await scanImportFile({
      format: params.format,
      body: params.body,
      maxBytes: params.maxBytes,
      templateKind: campaign.template.kind,
      onBatch: async (batch, clean) => {
        await writing;
        // After the first problem nothing more is written: the transaction will roll back anyway.
        if (!clean) return;
        writing = writeBatch(tx, campaign, matcher, batch, result);
        writing.catch(() => {});
      },
    });
    await writing;
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

/**
 * Writes one batch of items and their responses in two statements. Each column travels as one
 * array parameter (unnest) rather than one parameter per value: for 1,000 items that is 10
 * parameters instead of 9,000 to build, send and bind. `with ordinality … order by` keeps the
 * file's order, which items.seq records.
 */
async function writeBatch(
  tx: Db,
  campaign: Pick<Campaign, "id" | "overlap" | "identityLeak">,
  matcher: LeakMatcher,
  batch: ImportedItem[],
  result: ImportResult,
): Promise<void> {
  const { id: campaignId, overlap } = campaign;
  const leaks = batch.map((item) => item.responses.map((r) => matcher.phrases(leakCheckedText(r))));
  const statuses = leaks.map((found) => (found.some((m) => m !== null) ? flaggedStatus(campaign.identityLeak) : "clean"));
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  const inserted = (await tx.execute(sql`
    insert into items (campaign_id, external_id, prompt, prompt_format, metadata, kind, gold_answer, gold_explanation, source, open_slots, awaiting_generation, leak_status)
    select ${campaignId}, t.external_id, t.prompt::jsonb, t.prompt_format, t.metadata::jsonb, t.kind, t.gold_answer::jsonb, t.gold_explanation, t.source::jsonb, ${overlap}, t.awaiting, t.leak_status
    from unnest(
      ${textArray(batch.map((i) => i.externalId))}::text[], ${textArray(batch.map((i) => JSON.stringify(i.prompt)))}::text[],
      ${textArray(batch.map((i) => i.promptFormat))}::text[], ${textArray(batch.map((i) => JSON.stringify(i.metadata)))}::text[],
      ${textArray(batch.map((i) => (i.gold === undefined ? "regular" : "gold")))}::text[], ${textArray(batch.map((i) => json(i.gold)))}::text[],
      ${textArray(batch.map((i) => i.goldExplanation ?? null))}::text[],
      ${textArray(batch.map((i) => json(i.source)))}::text[],
      -- Prompt-only items wait, unclaimable, until their responses are generated.
      ${textArray(batch.map((i) => String(i.responses.length === 0)))}::boolean[],
      ${textArray(statuses)}::text[]
    ) with ordinality as t(external_id, prompt, prompt_format, metadata, kind, gold_answer, gold_explanation, source, awaiting, leak_status, n)
    order by t.n
    on conflict (campaign_id, external_id) do nothing
    returning id, external_id, leak_status
  `)) as unknown as { rows: { id: string; external_id: string; leak_status: string }[] };
  result.imported += inserted.rows.length;
  result.flagged += inserted.rows.filter((row) => row.leak_status !== "clean").length;
  result.duplicates += batch.length - inserted.rows.length;
  const idByExternal = new Map(inserted.rows.map((row) => [row.external_id, row.id]));
  const rows: {
    itemId: string;
    externalId: string;
    position: number;
    model: string | null;
    contentKind: string;
    content: string;
    steps: string | null;
    reasoning: string | null;
    leakMatches: string | null;
    messages: string | null;
  }[] = [];
  batch.forEach((item, index) => {
    const itemId = idByExternal.get(item.externalId);
    if (!itemId) return;
    item.responses.forEach((r, position) =>
      rows.push({
        itemId,
        externalId: r.externalId,
        position,
        model: r.model,
        contentKind: r.contentKind,
        content: r.content,
        steps: json(r.steps),
        reasoning: r.reasoning ?? null,
        leakMatches: json(leaks[index]?.[position]),
        messages: json(r.messages),
      }),
    );
  });
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into responses (item_id, external_id, position, model, content_kind, content, steps, reasoning, leak_matches, messages)
    select item_id, external_id, position, model, content_kind, content, steps::jsonb, reasoning, leak_matches::jsonb, messages::jsonb from unnest(
      ${textArray(rows.map((r) => r.itemId))}::uuid[], ${textArray(rows.map((r) => r.externalId))}::text[],
      ${textArray(rows.map((r) => String(r.position)))}::int[], ${textArray(rows.map((r) => r.model))}::text[],
      ${textArray(rows.map((r) => r.contentKind))}::text[], ${textArray(rows.map((r) => r.content))}::text[],
      ${textArray(rows.map((r) => r.steps))}::text[], ${textArray(rows.map((r) => r.reasoning))}::text[],
      ${textArray(rows.map((r) => r.leakMatches))}::text[], ${textArray(rows.map((r) => r.messages))}::text[]
    ) as t(item_id, external_id, position, model, content_kind, content, steps, reasoning, leak_matches, messages)
  `);
}
