import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { adjudications, campaigns, items, type Adjudication } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { validateItemPayload } from "@/server/services/judgements/validate-item-payload";
import { writeTransaction } from "@/server/services/with-retry";

export const recordAdjudicationInput = z.strictObject({
  campaignId: z.uuid(),
  itemId: z.uuid(),
  /** A verdict in the campaign's payload shape (DESIGN §5), checked like any judgement. */
  payload: z.record(z.string(), z.unknown()),
  note: z.string().max(5000).default(""),
});

/**
 * Records the admin's verdict on a disputed item, replacing an earlier one. Exports with
 * `prefer_adjudicated=true` then use it instead of the item's votes; the votes themselves
 * stay as they were.
 */
export async function recordAdjudication(
  db: Db,
  params: { input: z.input<typeof recordAdjudicationInput>; actorId: string | null },
): Promise<Adjudication> {
  const input = recordAdjudicationInput.parse(params.input);
  assertUuid(input.campaignId, "campaign");
  return writeTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ template: campaigns.template, templateVersion: campaigns.templateVersion })
      .from(items)
      .innerJoin(campaigns, eq(campaigns.id, items.campaignId))
      .where(and(eq(items.id, input.itemId), eq(items.campaignId, input.campaignId)));
    if (!found) throw new AppError("NOT_FOUND", "No such item in this campaign");
    const payload = await validateItemPayload(tx, {
      template: found.template,
      itemId: input.itemId,
      payload: input.payload,
    });
    const values = {
      campaignId: input.campaignId,
      itemId: input.itemId,
      payload,
      note: input.note,
      templateVersion: found.templateVersion,
      adjudicatorId: params.actorId,
    };
    const [row] = await tx
      .insert(adjudications)
      .values(values)
      .onConflictDoUpdate({
        target: adjudications.itemId,
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "campaign.item.adjudicate",
      campaignId: input.campaignId,
      subjectType: "item",
      subjectId: input.itemId,
    });
    return row;
  });
}
