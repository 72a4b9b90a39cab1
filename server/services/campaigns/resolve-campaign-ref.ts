import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema";
import { AppError } from "@/server/errors";
import { isUuid } from "@/server/services/ids";

/** Operators name campaigns by id or by slug (the CLI); this finds the id either way. */
export async function resolveCampaignRef(
  db: Db,
  params: { ref: string },
): Promise<{ id: string; slug: string; name: string }> {
  const ref = params.ref.trim();
  const [campaign] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, name: campaigns.name })
    .from(campaigns)
    .where(isUuid(ref) ? eq(campaigns.id, ref) : eq(campaigns.slug, ref))
    .limit(1);
  if (!campaign) throw new AppError("NOT_FOUND", `No campaign with id or slug "${ref}"`);
  return campaign;
}
