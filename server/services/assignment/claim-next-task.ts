import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, users, type Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { writeTransaction } from "@/server/services/with-retry";
import { runClaimStatement } from "./claim-statement";
import { countSubmittedToday } from "./count-submitted-today";
import { pickProbeItem } from "./pick-probe-item";
import { giveBackSlots } from "./release-expired-leases";
import { attachTaskSuggestion } from "@/server/services/suggestions/attach-task-suggestion";
import { loadTask, type Task } from "./task";

/** The campaign columns a claim reads: selecting only these keeps the membership lock's query small to build and map. */
const CLAIM_CAMPAIGN = {
  id: campaigns.id,
  status: campaigns.status,
  probeRate: campaigns.probeRate,
  goldRate: campaigns.goldRate,
  dailyCap: campaigns.dailyCap,
  leaseTtlSeconds: campaigns.leaseTtlSeconds,
  template: campaigns.template,
  guidelineVersion: campaigns.guidelineVersion,
  suggestionMode: campaigns.suggestionMode,
};
type ClaimCampaign = Pick<Campaign, keyof typeof CLAIM_CAMPAIGN>;

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
 *
 * `after` prefetches (DESIGN §12 P4): the caller shows that lease and asks for the task after
 * it, so the screen can switch the moment an answer is stored. It returns the annotator's other
 * live lease, or leases a new item only when they hold no other: never more than two at once.
 */
export async function claimNextTask(
  db: Db,
  params: { campaignId: string; user: SessionUser; after?: string; random?: () => number },
): Promise<ClaimResult> {
  const { campaignId, user } = params;
  const except = params.after ?? null;
  const random = params.random ?? Math.random;
  return writeTransaction(db, async (tx): Promise<ClaimResult> => {
    const [row] = await tx
      .select({ status: campaignMembers.status, disabled: users.disabled, campaign: CLAIM_CAMPAIGN })
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
    // A `before_submit` campaign's tasks carry their item's suggestion; other modes read none.
    const handOut = async (task: Task): Promise<ClaimResult> => ({
      task: await attachTaskSuggestion(tx, { campaign, task }),
    });

    // Both draws up front, so the common case (neither) is one statement from here.
    const wantProbe = campaign.probeRate > 0 && random() < campaign.probeRate;
    const wantGold = campaign.goldRate > 0 && random() < campaign.goldRate;
    const plain = !wantProbe && !wantGold && campaign.dailyCap === null;
    const annotator = { campaign, annotatorId: user.id };
    // One round trip: expire lapsed leases, the live lease if one is held, and (plain case)
    // lease the next regular item.
    const first = await runClaimStatement(tx, {
      ...annotator,
      release: true,
      held: true,
      except,
      pick: plain ? { gold: false, skipLocked: true } : null,
    });
    if (first.freed.length > 0) await giveBackSlots(tx, first.freed);
    if (first.task) return handOut(first.task);

    // A prefetch counts the task on screen as done: it must not lease past the day's cap.
    if (
      campaign.dailyCap !== null &&
      (await countSubmittedToday(tx, { campaignId, annotatorId: user.id })) + (except ? 1 : 0) >= campaign.dailyCap
    ) {
      return { task: null, reason: "daily_cap" };
    }

    if (wantProbe) {
      const probe = await pickProbeItem(tx, { campaignId, annotatorId: user.id });
      if (probe) {
        // Sides swapped: the same pair in the opposite order tests the verdict, not the position.
        const displayOrder = [...probe.displayOrder].reverse();
        return handOut(await lease(tx, campaign, user.id, probe.itemId, "probe", displayOrder, except === null));
      }
    }

    // Gold items are checks, not data: served at the gold rate, and otherwise only once an
    // annotator has nothing else left, so that a rate of 0 really means "as late as possible".
    // Each pick skips rows other claims hold; when every candidate is locked that is not
    // "done", so it is repeated waiting for the locks (Postgres re-checks each row once its
    // holder commits). The plain case already tried the first regular pick, unless slots
    // were freed since.
    const picks: { gold: boolean; skipLocked: boolean }[] = [
      ...(wantGold ? [{ gold: true, skipLocked: true }] : []),
      ...(plain && first.freed.length === 0 ? [] : [{ gold: false, skipLocked: true }]),
      { gold: false, skipLocked: false },
      { gold: true, skipLocked: true },
      { gold: true, skipLocked: false },
    ];
    for (const pick of picks) {
      const { task } = await runClaimStatement(tx, {
        ...annotator,
        release: false,
        held: false,
        // A prefetch's lease is not on screen yet: its shown_at waits for the heartbeat.
        except,
        pick,
      });
      if (task) return handOut(task);
    }
    return { task: null, reason: "done" };
  });
}

async function lease(
  tx: Db,
  campaign: ClaimCampaign,
  annotatorId: string,
  itemId: string,
  purpose: "regular" | "probe",
  displayOrder: string[],
  shownNow: boolean,
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
      shownAt: shownNow ? sql`now()` : null,
    })
    .returning();
  if (!assignment) throw new Error("insert returned no row");
  return loadTask(tx, assignment, { campaign });
}
