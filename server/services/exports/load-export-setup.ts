import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, responses, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import { carriesImagePrompts, exportKindIssues, isTextOnlyFormat } from "./export-kinds";
import { hasImagePrompt } from "./snapshot-checks";
import { exportOptionsSchema, type ExportOptions, type ExportOptionsInput } from "./export-options";

/**
 * Validates the options (one message per problem, in the REST error shape's details) and
 * loads the campaign: what every entry point (download, preview, CLI) does first.
 */
export async function loadExportSetup(
  db: Db,
  params: {
    campaignId: string;
    format?: string;
    options?: ExportOptionsInput | Record<string, unknown>;
  },
): Promise<{ campaign: Campaign; options: ExportOptions }> {
  assertUuid(params.campaignId, "campaign");
  const raw = {
    ...params.options,
    ...(params.format === undefined ? {} : { format: params.format }),
  };
  const parsed = exportOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    throw new AppError("BAD_REQUEST", `Invalid export options: ${message}`, { issues });
  }
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  const issues = exportKindIssues(campaign.template, parsed.data);
  if (issues.length > 0) {
    throw new AppError("BAD_REQUEST", issues.map((i) => i.message).join("; "), { issues });
  }
  const format = parsed.data.format;
  if (isTextOnlyFormat(format)) await assertTextResponses(db, campaign.id, format);
  if (!carriesImagePrompts(format) && (await hasImagePrompt(db, campaign.id))) {
    throw new AppError(
      "BAD_REQUEST",
      `${format} writes prompts as text, and this campaign has image prompts: export trl (vision rows), openai-dpo or judgements instead`,
      { issues: [{ path: "format", message: `${format} cannot carry image prompts` }] },
    );
  }
  return { campaign, options: parsed.data };
}

/**
 * TRL, OpenAI and HH rows carry each response as assistant text: an image or audio response
 * would arrive there as a bare URL posing as the model's words. Refused, with the way out.
 */
async function assertTextResponses(db: Db, campaignId: string, format: string): Promise<void> {
  const [media] = await db
    .select({ kind: responses.contentKind })
    .from(responses)
    .innerJoin(items, eq(items.id, responses.itemId))
    .where(and(eq(items.campaignId, campaignId), ne(responses.contentKind, "text"), ne(responses.contentKind, "code")))
    .limit(1);
  if (media) {
    throw new AppError(
      "BAD_REQUEST",
      `${format} holds text only, and this campaign has ${media.kind} responses: export judgements, rankings or ratings instead`,
      { issues: [{ path: "format", message: `${format} cannot carry ${media.kind} responses` }] },
    );
  }
}
