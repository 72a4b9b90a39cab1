import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  adjudications,
  assignments,
  campaigns,
  items,
  judgements,
  responses,
  users,
} from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";

/**
 * One item as the adjudication screen shows it: the prompt, the responses with their models,
 * every live judgement side by side (who, what, in which order they saw the responses, their
 * rationale) and the adjudicated verdict if there is one.
 */
export async function getAdjudicationItem(db: Db, params: { campaignId: string; itemId: string }) {
  assertUuid(params.campaignId, "campaign");
  assertUuid(params.itemId, "item");
  const [row] = await db
    .select({ item: items, template: campaigns.template, excluded: campaigns.excludedAnnotators })
    .from(items)
    .innerJoin(campaigns, eq(campaigns.id, items.campaignId))
    .where(and(eq(items.id, params.itemId), eq(items.campaignId, params.campaignId)));
  if (!row) throw new AppError("NOT_FOUND", "No such item in this campaign");
  const itemResponses = await db
    .select({
      id: responses.id,
      externalId: responses.externalId,
      model: responses.model,
      contentKind: responses.contentKind,
      content: responses.content,
    })
    .from(responses)
    .where(eq(responses.itemId, params.itemId))
    .orderBy(asc(responses.position));
  const votes = await db
    .select({
      id: judgements.id,
      annotatorId: judgements.annotatorId,
      payload: judgements.payload,
      displayOrder: judgements.displayOrder,
      submittedAt: judgements.submittedAt,
      activeMs: judgements.activeMs,
      purpose: assignments.purpose,
    })
    .from(judgements)
    .innerJoin(assignments, eq(assignments.id, judgements.assignmentId))
    .where(
      sql`${judgements.itemId} = ${params.itemId} and not exists (
        select 1 from ${judgements} as v where v.revision_of = ${judgements.id})`,
    )
    .orderBy(asc(judgements.seq));
  const ids = [...new Set(votes.map((v) => v.annotatorId))];
  const emails = new Map(
    ids.length
      ? (
          await db
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(inArray(users.id, ids))
        ).map((u) => [u.id, u.email])
      : [],
  );
  const [adjudication] = await db
    .select()
    .from(adjudications)
    .where(eq(adjudications.itemId, params.itemId));
  const excluded = new Set(row.excluded);
  const { item } = row;
  return {
    item: {
      id: item.id,
      externalId: item.externalId,
      prompt: item.prompt,
      kind: item.kind,
      goldAnswer: item.goldAnswer,
    },
    template: row.template,
    responses: itemResponses,
    judgements: votes.map((v) => ({
      ...v,
      email: emails.get(v.annotatorId) ?? "",
      probe: v.purpose === "probe",
      excluded: excluded.has(v.annotatorId),
      rationale: (v.payload as { rationale?: string }).rationale ?? null,
    })),
    adjudication: adjudication ?? null,
  };
}
