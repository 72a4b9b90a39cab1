import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { items, judgements, responses } from "@/db/schema";
import { AppError } from "@/server/errors";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import {
  addAnnotator,
  callerFor,
  createCampaign,
  createUser,
  importNative,
  pairwiseLines,
} from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { realItemId } from "../fixtures/task-ids";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function slotsOf(campaignId: string) {
  return database.db
    .select({ externalId: items.externalId, open: items.openSlots, judged: items.judgementCount })
    .from(items)
    .where(eq(items.campaignId, campaignId))
    .orderBy(asc(items.seq));
}

async function setup(overlap: number, count: number) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap } });
  await importNative(db, { campaignId: campaign.id, text: pairwiseLines(count) });
  return { admin, campaign };
}

/** One annotator judges the first item and holds a lease on the second. */
async function judgeOneAndLeaseOne(campaignId: string) {
  const { db } = database;
  const annotator = await createUser(db, { role: "annotator" });
  await addAnnotator(db, { campaignId, annotator });
  const caller = callerFor(db, annotator);
  const first = await caller.task.claimNext({ campaignId });
  if (!first.task) throw new Error("expected a task");
  const [a] = first.task.responses;
  await caller.task.submit({
    assignmentId: first.task.assignmentId,
    idempotencyKey: crypto.randomUUID(),
    payload: { choice: a?.id ?? "" },
  });
  const second = await caller.task.claimNext({ campaignId });
  if (!second.task) throw new Error("expected a second task");
  return { judgedItem: await realItemId(db, first.task), leasedItem: await realItemId(db, second.task) };
}

describe("editing a campaign", () => {
  it("bumps the guideline version only when the text changes, and stamps it on judgements", async () => {
    const { admin, campaign } = await setup(1, 2);
    const once = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { guidelines: "Prefer honesty." },
      actorId: admin.id,
    });
    expect(once.guidelineVersion).toBe(2);
    const same = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { guidelines: "Prefer honesty.", name: "Renamed" },
      actorId: admin.id,
    });
    expect(same).toMatchObject({ guidelineVersion: 2, name: "Renamed", templateVersion: 1 });

    await judgeOneAndLeaseOne(campaign.id);
    const [stored] = await database.db
      .select()
      .from(judgements)
      .where(eq(judgements.campaignId, campaign.id));
    expect(stored?.guidelineVersion).toBe(2);
  });

  it("bumps the template version when the template changes, not when it is sent unchanged", async () => {
    const { admin, campaign } = await setup(1, 1);
    const unchanged = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { template: campaign.template },
      actorId: admin.id,
    });
    expect(unchanged.templateVersion).toBe(1);
    const changed = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { template: { kind: "pairwise", strength: true, flags: ["unsafe"] } },
      actorId: admin.id,
    });
    expect(changed.templateVersion).toBe(2);
    expect(changed.template).toMatchObject({ strength: true, flags: ["unsafe"], allow_tie: true });
  });

  it("refuses to change the template kind once items exist", async () => {
    const { admin, campaign } = await setup(1, 1);
    const error = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { template: { kind: "ranking" } },
      actorId: admin.id,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
  });

  it("raising and lowering the overlap keeps open slots = overlap − judgements − leases, never below 0", async () => {
    const { admin, campaign } = await setup(2, 3);
    const { judgedItem, leasedItem } = await judgeOneAndLeaseOne(campaign.id);
    const byItem = async () => {
      const rows = await database.db.select().from(items).where(eq(items.campaignId, campaign.id));
      return rows.map((r) => ({
        kind: r.id === judgedItem ? "judged" : r.id === leasedItem ? "leased" : "fresh",
        open: r.openSlots,
      }));
    };
    await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { overlap: 4 },
      actorId: admin.id,
    });
    expect(await byItem()).toEqual(
      expect.arrayContaining([
        { kind: "judged", open: 3 },
        { kind: "leased", open: 3 },
        { kind: "fresh", open: 4 },
      ]),
    );
    await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { overlap: 1 },
      actorId: admin.id,
    });
    expect(await byItem()).toEqual(
      expect.arrayContaining([
        { kind: "judged", open: 0 },
        { kind: "leased", open: 0 },
        { kind: "fresh", open: 1 },
      ]),
    );
    const slots = await slotsOf(campaign.id);
    expect(slots.reduce((n, s) => n + s.judged, 0)).toBe(1);
  });

  it("moves status by the lifecycle rules and never edits an archived campaign", async () => {
    const { admin, campaign } = await setup(1, 1);
    const paused = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { status: "paused" },
      actorId: admin.id,
    });
    expect(paused.status).toBe("paused");
    const toDraft = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { status: "draft" },
      actorId: admin.id,
    }).catch((e: unknown) => e);
    expect((toDraft as AppError).code).toBe("CONFLICT");
    await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { status: "archived" },
      actorId: admin.id,
    });
    const edit = await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { name: "x" },
      actorId: admin.id,
    }).catch((e: unknown) => e);
    expect((edit as AppError).code).toBe("CONFLICT");
  });

  it("rejects unknown keys and out-of-range values", async () => {
    const { admin, campaign } = await setup(1, 1);
    await expect(
      updateCampaign(database.db, {
        campaignId: campaign.id,
        input: { overlap: 0 },
        actorId: admin.id,
      }),
    ).rejects.toThrow();
    await expect(
      updateCampaign(database.db, {
        campaignId: campaign.id,
        input: { colour: "red" } as never,
        actorId: admin.id,
      }),
    ).rejects.toThrow();
  });

  it("is admin-only over tRPC", async () => {
    const { campaign } = await setup(1, 1);
    const annotator = await createUser(database.db, { role: "annotator" });
    await expect(
      callerFor(database.db, annotator).campaign.update({
        campaignId: campaign.id,
        input: { name: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("duplicating a campaign", () => {
  it("copies settings, items and responses as a fresh draft without any judgements", async () => {
    const { admin, campaign } = await setup(2, 3);
    await updateCampaign(database.db, {
      campaignId: campaign.id,
      input: { guidelines: "Be kind", gold_rate: 0.1 },
      actorId: admin.id,
    });
    await judgeOneAndLeaseOne(campaign.id);
    const copy = await callerFor(database.db, admin).campaign.duplicate({
      campaignId: campaign.id,
    });
    expect(copy).toMatchObject({
      status: "draft",
      overlap: 2,
      guidelines: "Be kind",
      goldRate: 0.1,
      name: `${campaign.name} (copy)`,
    });
    expect(copy.slug).not.toBe(campaign.slug);
    const slots = await slotsOf(copy.id);
    expect(slots).toEqual([1, 2, 3].map((i) => ({ externalId: `item-${i}`, open: 2, judged: 0 })));
    const [count] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(eq(items.campaignId, copy.id));
    expect(count?.n).toBe(6);
    const copied = await database.db
      .select()
      .from(judgements)
      .where(eq(judgements.campaignId, copy.id));
    expect(copied).toHaveLength(0);
  });

  it("copies each response whole: its steps, reasoning and messages too", async () => {
    const { admin, campaign } = await setup(1, 1);
    const [original] = await database.db
      .select({ id: responses.id })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(eq(items.campaignId, campaign.id))
      .limit(1);
    if (!original) throw new Error("no response");
    const messages = [
      { role: "assistant" as const, content: "First answer." },
      { role: "user" as const, content: "And then?" },
      { role: "assistant" as const, content: "Second answer." },
    ];
    await database.db
      .update(responses)
      .set({ steps: ["one", "two"], reasoning: "Thought it through.", messages })
      .where(eq(responses.id, original.id));
    const copy = await callerFor(database.db, admin).campaign.duplicate({ campaignId: campaign.id });
    const copied = await database.db
      .select({ steps: responses.steps, reasoning: responses.reasoning, messages: responses.messages })
      .from(responses)
      .innerJoin(items, eq(items.id, responses.itemId))
      .where(and(eq(items.campaignId, copy.id), isNotNull(responses.messages)));
    expect(copied).toEqual([{ steps: ["one", "two"], reasoning: "Thought it through.", messages }]);
  });
});
