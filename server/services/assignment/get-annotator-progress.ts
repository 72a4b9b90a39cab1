import { and, eq, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items } from "@/db/schema";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import type { SessionUser } from "@/server/services/users/session-user";
import { countSubmittedToday } from "./count-submitted-today";
import { PROGRESS_COUNT_LIMIT } from "./progress-limit";
import { SERVABLE_ITEM } from "./pick-open-item";


export interface AnnotatorProgress {
  campaignName: string;
  doneToday: number;
  dailyCap: number | null;
  /** Items with an open slot this annotator has never had, up to PROGRESS_COUNT_LIMIT. */
  left: number;
}

/** What the annotate screen shows above the task; read from the server so a reload keeps it. */
export async function getAnnotatorProgress(
  db: Db,
  params: { campaignId: string; user: SessionUser },
): Promise<AnnotatorProgress> {
  const campaign = await getCampaignForUser(db, params);
  const annotatorId = params.user.id;
  const doneToday = await countSubmittedToday(db, { campaignId: campaign.id, annotatorId });
  const open = db
    .select({ id: items.id })
    .from(items)
    .where(
      and(
        eq(items.campaignId, campaign.id),
        // What the claim would never hand out is not "left" either.
        SERVABLE_ITEM,
        notExists(
          db
            .select({ one: sql`1` })
            .from(assignments)
            .where(
              and(
                eq(assignments.itemId, items.id),
                eq(assignments.annotatorId, annotatorId),
                sql`${assignments.purpose} = 'regular'`,
              ),
            ),
        ),
      ),
    )
    .limit(PROGRESS_COUNT_LIMIT)
    .as("open");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(open);
  return { campaignName: campaign.name, doneToday, dailyCap: campaign.dailyCap, left: Number(row?.n ?? 0) };
}
