import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items } from "@/db/schema";
import { AppError } from "@/server/errors";
import type { SessionUser } from "@/server/services/users/session-user";

/** Locks the caller's own live lease; anything else is NOT_FOUND or CONFLICT. */
async function lockOwnLease(db: Db, assignmentId: string, user: SessionUser) {
  const [assignment] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.annotatorId, user.id)))
    .for("update");
  if (!assignment) throw new AppError("NOT_FOUND", "No such task");
  if (assignment.status !== "leased") {
    throw new AppError("CONFLICT", `This task is ${assignment.status}, no longer in progress`);
  }
  return assignment;
}

/** Extends the lease by the campaign's TTL while the annotator has the task open. */
export async function heartbeatAssignment(
  db: Db,
  params: { assignmentId: string; user: SessionUser },
): Promise<{ expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const assignment = await lockOwnLease(tx, params.assignmentId, params.user);
    const [campaign] = await tx
      .select({ ttl: campaigns.leaseTtlSeconds })
      .from(campaigns)
      .where(eq(campaigns.id, assignment.campaignId));
    const [updated] = await tx
      .update(assignments)
      .set({ expiresAt: sql`now() + make_interval(secs => ${campaign?.ttl ?? 900})` })
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
  await db.transaction(async (tx) => {
    const assignment = await lockOwnLease(tx, params.assignmentId, params.user);
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
  return db.transaction(async (tx) => {
    const assignment = await lockOwnLease(tx, params.assignmentId, params.user);
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
