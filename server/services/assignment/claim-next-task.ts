import { randomInt } from "node:crypto";
import { and, asc, desc, eq, gt, gte, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, campaigns, items, responses } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
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
 */
export async function claimNextTask(
  db: Db,
  params: { campaignId: string; user: SessionUser },
): Promise<ClaimResult> {
  const { campaignId, user } = params;
  return db.transaction(async (tx) => {
    const [membership] = await tx
      .select({ status: campaignMembers.status })
      .from(campaignMembers)
      .where(and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.userId, user.id)))
      .for("update");
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
    if (!campaign || !membership || campaign.status === "draft" || campaign.status === "archived") {
      throw new AppError("NOT_FOUND", "No such campaign");
    }
    if (campaign.status === "paused") return { task: null, reason: "paused" };
    if (membership.status === "paused") return { task: null, reason: "member_paused" };

    const [held] = await tx
      .select()
      .from(assignments)
      .where(
        and(
          eq(assignments.campaignId, campaignId),
          eq(assignments.annotatorId, user.id),
          eq(assignments.status, "leased"),
          gt(assignments.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(assignments.leasedAt))
      .limit(1);
    if (held) return { task: await loadTask(tx, held) };

    if (campaign.dailyCap !== null) {
      const [today] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(assignments)
        .where(
          and(
            eq(assignments.campaignId, campaignId),
            eq(assignments.annotatorId, user.id),
            eq(assignments.status, "submitted"),
            gte(assignments.completedAt, sql`date_trunc('day', now())`),
          ),
        );
      if ((today?.n ?? 0) >= campaign.dailyCap) return { task: null, reason: "daily_cap" };
    }

    await releaseExpiredLeases(tx, { campaignId });

    const [candidate] = await tx
      .select({ id: items.id })
      .from(items)
      .where(
        and(
          eq(items.campaignId, campaignId),
          gt(items.openSlots, 0),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(assignments)
              .where(
                and(
                  eq(assignments.itemId, items.id),
                  eq(assignments.annotatorId, user.id),
                  eq(assignments.purpose, "regular"),
                ),
              ),
          ),
        ),
      )
      .orderBy(desc(items.judgementCount), asc(items.randKey))
      .limit(1)
      .for("update", { skipLocked: true, of: items });
    if (!candidate) return { task: null, reason: "done" };

    await tx
      .update(items)
      .set({ openSlots: sql`${items.openSlots} - 1` })
      .where(eq(items.id, candidate.id));
    const responseIds = await tx
      .select({ id: responses.id })
      .from(responses)
      .where(eq(responses.itemId, candidate.id))
      .orderBy(asc(responses.position));
    const [assignment] = await tx
      .insert(assignments)
      .values({
        campaignId,
        itemId: candidate.id,
        annotatorId: user.id,
        displayOrder: shuffle(responseIds.map((r) => r.id)),
        expiresAt: sql`now() + make_interval(secs => ${campaign.leaseTtlSeconds})`,
      })
      .returning();
    if (!assignment) throw new Error("insert returned no row");
    return { task: await loadTask(tx, assignment) };
  });
}

/** Fisher–Yates with a cryptographic source: the screen order must not be predictable. */
export function shuffle<T>(values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
