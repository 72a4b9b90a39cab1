import { randomInt } from "node:crypto";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  assignments,
  campaignMembers,
  campaigns,
  items,
  responses,
  users,
  type Campaign,
} from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { writeTransaction } from "@/server/services/with-retry";
import { countSubmittedToday } from "./count-submitted-today";
import { pickOpenItem } from "./pick-open-item";
import { pickProbeItem } from "./pick-probe-item";
import { releaseExpiredLeases } from "./release-expired-leases";
import { loadTask, type Task } from "./task";

export type ClaimResult =
  | { task: Task; reason?: undefined }
  | { task: null; reason: "done" | "paused" | "member_paused" | "daily_cap" };

/**
 * Hands the annotator their next task (DESIGN §6) in one short transaction. The annotator's
 * membership row is locked first, so their own concurrent claims (double clicks, two tabs)
 * queue up and all get the same lease; other annotators never wait on each other, because the
 * item is picked with FOR UPDATE SKIP LOCKED from the partial index of items with open slots.
 *
 * `random` decides whether this claim serves a probe or a gold item (at the campaign's rates);
 * tests may pass their own.
 */
export async function claimNextTask(
  db: Db,
  params: { campaignId: string; user: SessionUser; random?: () => number },
): Promise<ClaimResult> {
  const { campaignId, user } = params;
  const random = params.random ?? Math.random;
  return writeTransaction(db, async (tx): Promise<ClaimResult> => {
    const [row] = await tx
      .select({ status: campaignMembers.status, disabled: users.disabled, campaign: campaigns })
      .from(campaignMembers)
      .innerJoin(users, eq(users.id, campaignMembers.userId))
      .innerJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
      .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, user.id)))
      .for("update", { of: campaignMembers });
    const campaign = row?.campaign;
    if (!row || !campaign || campaign.status === "draft" || campaign.status === "archived") {
      throw new AppError("NOT_FOUND", "No such campaign");
    }
    // The session layer already refuses disabled accounts; this keeps every other caller honest.
    if (row.disabled) throw new AppError("FORBIDDEN", "This account is disabled");
    if (campaign.status === "paused") return { task: null, reason: "paused" };
    if (row.status === "paused") return { task: null, reason: "member_paused" };

    const [held] = await tx
      .select()
      .from(assignments)
      .where(
        and(
          eq(assignments.annotatorId, user.id),
          eq(assignments.campaignId, campaignId),
          eq(assignments.status, "leased"),
          gt(assignments.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(assignments.leasedAt))
      .limit(1);
    if (held) return { task: await loadTask(tx, held, { campaign }) };

    if (
      campaign.dailyCap !== null &&
      (await countSubmittedToday(tx, { campaignId, annotatorId: user.id })) >= campaign.dailyCap
    ) {
      return { task: null, reason: "daily_cap" };
    }

    await releaseExpiredLeases(tx, { campaignId });

    if (campaign.probeRate > 0 && random() < campaign.probeRate) {
      const probe = await pickProbeItem(tx, { campaignId, annotatorId: user.id });
      if (probe) {
        // Sides swapped: the same pair in the opposite order tests the verdict, not the position.
        const displayOrder = [...probe.displayOrder].reverse();
        return { task: await lease(tx, campaign, user.id, probe.itemId, "probe", displayOrder) };
      }
    }

    const annotator = { campaignId, annotatorId: user.id };
    const wantGold = campaign.goldRate > 0 && random() < campaign.goldRate;
    // Gold items are checks, not data: served at the gold rate, and otherwise only once an
    // annotator has nothing else left, so that a rate of 0 really means "as late as possible".
    const itemId =
      (wantGold
        ? await pickOpenItem(tx, { ...annotator, gold: true, preferenceOnly: true })
        : null) ??
      (await pickOpenItem(tx, { ...annotator, gold: false })) ??
      (await pickOpenItem(tx, { ...annotator, gold: true }));
    if (!itemId) return { task: null, reason: "done" };

    await tx
      .update(items)
      .set({ openSlots: sql`${items.openSlots} - 1` })
      .where(eq(items.id, itemId));
    const itemResponses = await tx
      .select({ id: responses.id, contentKind: responses.contentKind, content: responses.content, reasoning: responses.reasoning })
      .from(responses)
      .where(eq(responses.itemId, itemId))
      .orderBy(responses.position);
    const displayOrder = shuffle(itemResponses.map((r) => r.id));
    return {
      task: await lease(tx, campaign, user.id, itemId, "regular", displayOrder, itemResponses),
    };
  });
}

async function lease(
  tx: Db,
  campaign: Campaign,
  annotatorId: string,
  itemId: string,
  purpose: "regular" | "probe",
  displayOrder: string[],
  itemResponses?: Task["responses"],
): Promise<Task> {
  const [assignment] = await tx
    .insert(assignments)
    .values({
      campaignId: campaign.id,
      itemId,
      annotatorId,
      purpose,
      displayOrder,
      expiresAt: sql`now() + make_interval(secs => ${campaign.leaseTtlSeconds})`,
    })
    .returning();
  if (!assignment) throw new Error("insert returned no row");
  return loadTask(tx, assignment, { campaign, responses: itemResponses });
}

/** Tasks finished since midnight (server time), probes included: the cap is on work, not items. */
/** Fisher–Yates with a cryptographic source: the screen order must not be predictable. */
export function shuffle<T>(values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
