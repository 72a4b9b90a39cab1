import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
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
  return { campaign, options: parsed.data };
}
