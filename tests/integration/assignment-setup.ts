import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaigns, items } from "@/db/schema";
import type { Task } from "@/server/services/assignment/task";
import type { CreateCampaignInput } from "@/server/services/campaigns/campaign-inputs";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, createCampaign, createUser, importNative, pairwiseLines } from "../fixtures/factories";

/** A campaign with `items` pairwise items and `annotators` members, ready to claim. */
export async function setupCampaign(
  db: Db,
  params: { items: number; annotators: number; input?: Partial<CreateCampaignInput>; lines?: string },
) {
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: params.input });
  const text = [pairwiseLines(params.items), params.lines].filter(Boolean).join("\n");
  await importNative(db, { campaignId: campaign.id, text });
  const annotators: SessionUser[] = [];
  for (let i = 0; i < params.annotators; i++) {
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    annotators.push(annotator);
  }
  return { admin, campaign, annotators };
}

/** Gold lines in the native format: the expected answer rides along in `gold`. */
export function goldLines(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `gold-${i + 1}`,
      prompt: `Gold question ${i + 1}`,
      responses: [
        { id: "a", content: "right" },
        { id: "b", content: "wrong" },
      ],
      gold: { choice: "a" },
    }),
  ).join("\n");
}

/** Lease TTLs under the 10 s the admin form allows, so expiry can be watched in a test. */
export async function setLeaseTtl(db: Db, campaignId: string, seconds: number): Promise<void> {
  await db.update(campaigns).set({ leaseTtlSeconds: seconds }).where(eq(campaigns.id, campaignId));
}

/** Moves a live lease's expiry into the past, as if its annotator had walked away long ago. */
export async function expireLease(db: Db, assignmentId: string): Promise<void> {
  await db
    .update(assignments)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(and(eq(assignments.id, assignmentId), eq(assignments.status, "leased")));
}

/** Polls the database clock (the one leases are judged by) until it passes `at`. */
export async function waitForDatabaseTime(db: Db, at: Date, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = (await db.execute(
      sql`select now() > ${at.toISOString()}::timestamptz as passed`,
    )) as unknown as { rows: { passed: boolean }[] };
    if (result.rows[0]?.passed) return;
    if (Date.now() > deadline) throw new Error(`database clock did not reach ${at.toISOString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function pick(task: Task, index = 0): { choice: string } {
  const response = task.responses[index];
  if (!response) throw new Error(`task has no response ${index}`);
  return { choice: response.id };
}

export function submission(task: Task, payload: Record<string, unknown> = pick(task)) {
  return { assignmentId: task.assignmentId, idempotencyKey: randomUUID(), payload };
}

export async function itemRow(db: Db, itemId: string) {
  const [row] = await db.select().from(items).where(eq(items.id, itemId));
  if (!row) throw new Error("no such item");
  return row;
}
