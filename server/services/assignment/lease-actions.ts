import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";
import { writeTransaction } from "@/server/services/with-retry";
import { lockAssignment } from "./lock-assignment";

/** The caller's own live lease, behind the shared gate; anything else is NOT_FOUND, FORBIDDEN or CONFLICT. */
async function lockOwnLease(db: Db, assignmentId: string, user: SessionUser) {
  const locked = await lockAssignment(db, { assignmentId, user });
  if (locked.assignment.status !== "leased") {
    throw new AppError(
      "CONFLICT",
      `This task is ${locked.assignment.status}, no longer in progress`,
    );
  }
  return locked;
}

/** Extends the lease by the campaign's TTL while the annotator has the task open. */
export async function heartbeatAssignment(
  db: Db,
  params: { assignmentId: string; user: SessionUser; shown?: boolean },
): Promise<{ expiresAt: Date }> {
  return writeTransaction(db, async (tx) => {
    const { assignment, campaign } = await lockOwnLease(tx, params.assignmentId, params.user);
    const [updated] = await tx
      .update(assignments)
      .set({
        expiresAt: sql`now() + make_interval(secs => ${campaign.leaseTtlSeconds})`,
        // `shown`: the screen has just put this (prefetched) task in front of the annotator.
        ...(params.shown ? { shownAt: sql`coalesce(${assignments.shownAt}, now())` } : {}),
      })
      .where(eq(assignments.id, assignment.id))
      .returning({ expiresAt: assignments.expiresAt });
    if (!updated) throw new Error("update returned no row");
    return updated;
  });
}

/** Autosaved work in progress; comes back with the task on reload. */
export async function saveDraft(
  db: Db,
  params: { assignmentId: string; user: SessionUser; draft: unknown },
): Promise<void> {
  if (JSON.stringify(params.draft ?? null).length > 256 * 1024) {
    throw new AppError("PAYLOAD_TOO_LARGE", "Drafts are limited to 256 kB");
  }
  await writeTransaction(db, async (tx) => {
    const { assignment } = await lockOwnLease(tx, params.assignmentId, params.user);
    await tx
      .update(assignments)
      .set({ draft: params.draft ?? null })
      .where(eq(assignments.id, assignment.id));
  });
}

/** Gives the task back with a reason; its slot opens for another annotator, never for this one. */
export async function skipAssignment(
  db: Db,
  params: { assignmentId: string; user: SessionUser; reason: string },
): Promise<{ campaignId: string }> {
  const reason = params.reason.trim().slice(0, 500);
  if (!reason) throw new AppError("BAD_REQUEST", "Say why you skip this task");
  return writeTransaction(db, async (tx) => {
    const { assignment } = await lockOwnLease(tx, params.assignmentId, params.user);
    const done = { campaignId: assignment.campaignId };
    await tx
      .update(assignments)
      .set({ status: "skipped", skipReason: reason, completedAt: sql`now()` })
      .where(eq(assignments.id, assignment.id));
    // A probe never held a slot, so it has none to give back.
    if (assignment.purpose !== "regular") return done;
    await tx
      .update(items)
      .set({ openSlots: sql`${items.openSlots} + 1` })
      .where(eq(items.id, assignment.itemId));
    return done;
  });
}
