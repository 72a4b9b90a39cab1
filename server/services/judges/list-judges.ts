import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items, judgements, responses, suggestions } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";
import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";
import { judgeFigures, type JudgeFigures } from "./judge-figures";

export interface JudgeReport extends JudgeFigures {
  endpointId: string | null;
  judge: string;
  jobId: string;
}

/**
 * Every judge that has judged the campaign (its latest job), measured against the humans: swap
 * consistency, position bias, agreement with the consensus and with each annotator, tokens.
 */
export async function listJudges(db: Db, params: { campaignId: string }): Promise<JudgeReport[]> {
  assertUuid(params.campaignId, "campaign");
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, params.campaignId));
  if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
  const rows = await db
    .select()
    .from(suggestions)
    .where(eq(suggestions.campaignId, campaign.id))
    .orderBy(desc(suggestions.createdAt));
  if (rows.length === 0) return [];

  // The newest job of each judge speaks for it: an earlier run with another prompt is history.
  const latestJob = new Map<string, string>();
  for (const r of rows) if (!latestJob.has(r.judge)) latestJob.set(r.judge, r.jobId);

  const humans = await db
    .select({ itemId: judgements.itemId, annotatorId: judgements.annotatorId, choice: sql<string>`${judgements.payload}->>'choice'` })
    .from(judgements)
    .innerJoin(assignments, eq(assignments.id, judgements.assignmentId))
    .where(
      and(
        eq(judgements.campaignId, campaign.id),
        eq(assignments.purpose, "regular"),
        sql`not exists (select 1 from ${judgements} later where later.revision_of = ${judgements.id})`,
      ),
    );
  const order = await db
    .select({ itemId: responses.itemId, id: responses.id })
    .from(responses)
    .innerJoin(items, eq(items.id, responses.itemId))
    .where(eq(items.campaignId, campaign.id))
    .orderBy(asc(responses.itemId), asc(responses.position));
  const responseOrder = new Map<string, string[]>();
  for (const r of order) responseOrder.set(r.itemId, [...(responseOrder.get(r.itemId) ?? []), r.id]);

  return [...latestJob].map(([judge, jobId]) => {
    const mine = rows.filter((r) => r.jobId === jobId);
    return {
      judge,
      jobId,
      endpointId: mine[0]?.endpointId ?? null,
      ...judgeFigures({
        verdicts: mine.map((r) => ({
          itemId: r.itemId,
          displayOrder: r.displayOrder,
          choice: (r.payload as PairwisePayload).choice,
          consistent: r.consistent,
          tokens: (r.promptTokens ?? 0) + (r.completionTokens ?? 0),
        })),
        humans: humans.filter((h): h is typeof h & { choice: string } => typeof h.choice === "string"),
        responseOrder,
      }),
    };
  });
}
