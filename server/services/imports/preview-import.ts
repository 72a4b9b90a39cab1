import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items } from "@/db/schema";
import type { ImportFormat, ImportProblem } from "@/server/formats/import-types";
import type { Message } from "@/server/formats/messages";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import { scanImportFile } from "./scan-import-file";

const SAMPLE_SIZE = 5;
/** Previews show the start of long texts; the import itself stores them whole. */
const SAMPLE_TEXT_CHARS = 2_000;

export interface ImportPreview {
  /** Items that passed every check. */
  valid: number;
  /** Of those, items whose id the campaign already has: an import would skip them. */
  duplicates: number;
  /** What an import would add now, if the file had no problems. */
  importable: number;
  sample: {
    external_id: string;
    prompt: Message[];
    responses: {
      external_id: string;
      model: string | null;
      content_kind: string;
      content: string;
    }[];
    gold: boolean;
  }[];
  errors: ImportProblem[];
  error_count: number;
}

/**
 * A dry run of importItems: the same streaming parse and validation, and a look at which ids
 * the campaign already has, but nothing is written. The UI shows this before the admin commits.
 * Fields are snake_case: this is what REST `?dry_run=true` answers.
 */
export async function previewImport(
  db: Db,
  params: {
    campaignId: string;
    format: ImportFormat;
    body: AsyncIterable<Uint8Array>;
    maxBytes: number;
  },
): Promise<ImportPreview> {
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db
    .select({ id: campaigns.id, template: campaigns.template, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  if (campaign.status === "archived") {
    throw new AppError("CONFLICT", "An archived campaign takes no new items");
  }

  const preview: ImportPreview = {
    valid: 0,
    duplicates: 0,
    importable: 0,
    sample: [],
    errors: [],
    error_count: 0,
  };
  const scan = await scanImportFile({
    format: params.format,
    body: params.body,
    maxBytes: params.maxBytes,
    templateKind: campaign.template.kind,
    onBatch: async (batch) => {
      for (const item of batch.slice(0, SAMPLE_SIZE - preview.sample.length)) {
        preview.sample.push({
          external_id: item.externalId,
          prompt: item.prompt.map((m) => ({ ...m, content: typeof m.content === "string" ? clip(m.content) : m.content })),
          responses: item.responses.map((r) => ({
            external_id: r.externalId,
            model: r.model,
            content_kind: r.contentKind,
            content: clip(r.content),
          })),
          gold: item.gold !== undefined,
        });
      }
      const existing = await db
        .select({ externalId: items.externalId })
        .from(items)
        .where(
          and(
            eq(items.campaignId, campaign.id),
            inArray(
              items.externalId,
              batch.map((i) => i.externalId),
            ),
          ),
        );
      preview.duplicates += existing.length;
    },
  });
  preview.valid = scan.valid;
  preview.importable = scan.valid - preview.duplicates;
  preview.errors = scan.problems;
  preview.error_count = scan.problemCount;
  if (scan.records === 0) {
    preview.errors = [{ line: 0, field: null, message: "The file is empty" }];
    preview.error_count = 1;
  }
  return preview;
}

function clip(text: string): string {
  return text.length > SAMPLE_TEXT_CHARS ? `${text.slice(0, SAMPLE_TEXT_CHARS)}…` : text;
}
