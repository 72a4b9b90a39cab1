import { messageText } from "@/server/formats/messages";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { datasetExports } from "@/db/schema/exports";
import { judgements } from "@/db/schema";
import { streamExport } from "@/server/services/exports/stream-export";
import {
  addAnnotator,
  callerFor,
  createCampaign,
  createUser,
  importNative,
  pairwiseLines,
} from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function readAll(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

describe("the thin journey through services and tRPC", () => {
  it("imports, judges every item and exports TRL rows that reflect each choice", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
    const imported = await importNative(db, { campaignId: campaign.id, text: pairwiseLines(4) });
    expect(imported).toEqual({ imported: 4, duplicates: 0, flagged: 0 });
    await addAnnotator(db, { campaignId: campaign.id, annotator });

    const caller = callerFor(db, annotator);
    const verdicts = ["first", "second", "tie", "both_bad"] as const;
    const expected: { prompt: string; chosen: string; rejected: string }[] = [];
    for (const verdict of verdicts) {
      const { task } = await caller.task.claimNext({ campaignId: campaign.id });
      if (!task) throw new Error("expected a task");
      expect(task.responses).toHaveLength(2);
      expect(task.responses[0]).not.toHaveProperty("model");
      const [first, second] = task.responses;
      if (!first || !second) throw new Error("two responses expected");
      const choice = verdict === "first" ? first.id : verdict === "second" ? second.id : verdict;
      await caller.task.submit({
        assignmentId: task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        payload: { choice },
      });
      const prompt = messageText(task.item.prompt[0]?.content ?? "");
      if (verdict === "first") expected.push({ prompt, chosen: first.content, rejected: second.content });
      if (verdict === "second") expected.push({ prompt, chosen: second.content, rejected: first.content });
    }
    expect((await caller.task.claimNext({ campaignId: campaign.id })).reason).toBe("done");

    const stream = await streamExport(db, { campaignId: campaign.id, format: "trl", actorId: admin.id });
    const text = await readAll(stream.body);
    const rows = text.trim().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining(expected));
    for (const row of rows) expect(Object.keys(row as object).sort()).toEqual(["chosen", "prompt", "rejected"]);

    const [record] = await db.select().from(datasetExports).where(eq(datasetExports.id, stream.exportId));
    expect(record).toMatchObject({ status: "done", rowCount: 2 });
    expect(record?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers a retried submit with the first judgement and stores nothing new", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin, input: { overlap: 1 } });
    await importNative(db, { campaignId: campaign.id, text: pairwiseLines(1) });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const caller = callerFor(db, annotator);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("expected a task");
    const submit = {
      assignmentId: task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      payload: { choice: "tie" },
    };
    const first = await caller.task.submit(submit);
    const again = await caller.task.submit(submit);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ judgementId: first.judgementId, created: false, next: null });
    const stored = await db.select().from(judgements).where(eq(judgements.campaignId, campaign.id));
    expect(stored).toHaveLength(1);
  });

  it("rejects a verdict naming a response that is not in the task", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin });
    await importNative(db, { campaignId: campaign.id, text: pairwiseLines(1) });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const caller = callerFor(db, annotator);
    const { task } = await caller.task.claimNext({ campaignId: campaign.id });
    if (!task) throw new Error("expected a task");
    await expect(
      caller.task.submit({
        assignmentId: task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        payload: { choice: crypto.randomUUID() },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.task.submit({
        assignmentId: task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        payload: { choice: "tie", sneaky: true },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("serves a re-claim the same live lease instead of a second item", async () => {
    const { db } = database;
    const admin = await createUser(db, { role: "admin" });
    const annotator = await createUser(db, { role: "annotator" });
    const campaign = await createCampaign(db, { admin });
    await importNative(db, { campaignId: campaign.id, text: pairwiseLines(3) });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    const caller = callerFor(db, annotator);
    const a = await caller.task.claimNext({ campaignId: campaign.id });
    const b = await caller.task.claimNext({ campaignId: campaign.id });
    expect(b.task?.assignmentId).toBe(a.task?.assignmentId);
    expect(b.task?.responses.map((r) => r.id)).toEqual(a.task?.responses.map((r) => r.id));
  });
});
