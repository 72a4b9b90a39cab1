import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items, responses } from "@/db/schema";
import { fromString } from "@/server/formats/byte-streams";
import type { ImportFormat } from "@/server/formats/import-types";
import type { CreateCampaignInput } from "@/server/services/campaigns/campaign-inputs";
import { importItems } from "@/server/services/imports/import-items";
import { streamExport } from "@/server/services/exports/stream-export";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, callerFor, createCampaign, createUser } from "../fixtures/factories";
import { realItemId } from "../fixtures/task-ids";

/** What a test needs to decide a verdict: the item's external id and its responses' ids. */
export interface TaskView {
  itemExternalId: string;
  /** Response id by external id. */
  ids: Record<string, string>;
  /** Response ids in source order. */
  order: string[];
  source: Record<string, unknown> | null;
}

export async function setupExportCampaign(
  db: Db,
  params: {
    text: string;
    format?: ImportFormat;
    annotators: number;
    input?: Partial<CreateCampaignInput>;
  },
) {
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: params.input });
  await importItems(db, {
    campaignId: campaign.id,
    format: params.format ?? "native",
    body: fromString(params.text),
    maxBytes: 10 * 1024 * 1024,
    actorId: admin.id,
  });
  const annotators: SessionUser[] = [];
  for (let i = 0; i < params.annotators; i++) {
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    annotators.push(annotator);
  }
  return { admin, campaign, annotators };
}

/**
 * One annotator works through the queue with the real claim and submit procedures. `decide`
 * returns the payload for an item, or null to skip it (so a test controls who judges what).
 */
export async function judgeAll(
  db: Db,
  params: {
    campaignId: string;
    annotator: SessionUser;
    decide: (view: TaskView) => Record<string, unknown> | null;
  },
): Promise<number> {
  const caller = callerFor(db, params.annotator);
  let judged = 0;
  for (;;) {
    const { task } = await caller.task.claimNext({ campaignId: params.campaignId });
    if (!task) return judged;
    const view = await taskView(db, await realItemId(db, task));
    const payload = params.decide(view);
    if (payload === null) {
      await caller.task.skip({ assignmentId: task.assignmentId, reason: "not mine in this test" });
      continue;
    }
    await caller.task.submit({
      assignmentId: task.assignmentId,
      idempotencyKey: randomUUID(),
      payload,
    });
    judged++;
  }
}

async function taskView(db: Db, itemId: string): Promise<TaskView> {
  const [item] = await db.select().from(items).where(eq(items.id, itemId));
  if (!item) throw new Error("no item");
  const rows = await db
    .select()
    .from(responses)
    .where(eq(responses.itemId, itemId))
    .orderBy(asc(responses.position));
  return {
    itemExternalId: item.externalId,
    ids: Object.fromEntries(rows.map((r) => [r.externalId, r.id])),
    order: rows.map((r) => r.id),
    source: item.source ?? null,
  };
}

export async function readBytes(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Runs an export through the service and returns its exact bytes and record id. */
export async function exportBytes(
  db: Db,
  params: { campaignId: string; actorId: string; options: Record<string, unknown> },
) {
  const stream = await streamExport(db, {
    campaignId: params.campaignId,
    actorId: params.actorId,
    options: params.options,
  });
  return { ...stream, bytes: await readBytes(stream.body) };
}

export async function exportJsonl(
  db: Db,
  params: { campaignId: string; actorId: string; options: Record<string, unknown> },
): Promise<Record<string, unknown>[]> {
  const { bytes } = await exportBytes(db, params);
  const text = new TextDecoder().decode(bytes);
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Native JSONL lines: `prompts` items, each with the given responses (id → content). */
export function nativeLines(
  prompts: readonly (string | { role: string; content: string }[])[],
  responseIds: readonly string[],
  extra: (index: number) => Record<string, unknown> = () => ({}),
): string {
  return prompts
    .map((prompt, i) =>
      JSON.stringify({
        id: `item-${i + 1}`,
        prompt,
        responses: responseIds.map((id, k) => ({
          id,
          model: `model-${id}`,
          content: ` answer ${id}${k} to ${i + 1}`,
        })),
        ...extra(i),
      }),
    )
    .join("\n");
}
