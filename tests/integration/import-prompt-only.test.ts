import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { items, responses } from "@/db/schema";
import type { AppError } from "@/server/errors";
import { addAnnotator, callerFor, createUser } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { newCampaign, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function storedItems(campaignId: string) {
  return database.db
    .select({ externalId: items.externalId, prompt: items.prompt, awaiting: items.awaitingGeneration, format: items.promptFormat })
    .from(items)
    .where(eq(items.campaignId, campaignId))
    .orderBy(asc(items.seq));
}

const lines = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n");

describe("prompt-only imports", () => {
  it("native JSONL without responses, a prompts CSV and TRL prompt-only rows all store waiting prompts", async () => {
    const { db } = database;
    const campaign = await newCampaign(db);
    const conversation = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
      { role: "user", content: "Tell me a joke." },
    ];
    await upload(db, {
      campaignId: campaign.id,
      format: "native",
      body: lines([{ id: "n1", prompt: "Name a prime." }, { id: "n2", prompt: conversation, responses: [] }]),
    });
    await upload(db, { campaignId: campaign.id, format: "csv", body: 'id,prompt\nc1,"Write a haiku, please"\nc2,Summarise this\n' });
    await upload(db, {
      campaignId: campaign.id,
      format: "trl",
      body: lines([{ id: "t1", prompt: "Explain DPO." }, { id: "t2", prompt: [{ role: "user", content: "Translate: chat" }] }]),
    });
    const stored = await storedItems(campaign.id);
    expect(stored.map((i) => [i.externalId, i.awaiting, i.format])).toEqual([
      ["n1", true, "text"],
      ["n2", true, "messages"],
      ["c1", true, "text"],
      ["c2", true, "text"],
      ["t1", true, "text"],
      ["t2", true, "messages"],
    ]);
    expect(stored[1]?.prompt).toEqual(conversation);
    expect(stored[2]?.prompt).toEqual([{ role: "user", content: "Write a haiku, please" }]);
    const ids = (await db.select({ id: items.id }).from(items).where(eq(items.campaignId, campaign.id))).map((i) => i.id);
    for (const id of ids) expect(await db.select().from(responses).where(eq(responses.itemId, id))).toEqual([]);
  });

  it("still refuses a wrong number of responses, and a gold item without any", async () => {
    const { db } = database;
    const campaign = await newCampaign(db);
    const error = (await upload(db, {
      campaignId: campaign.id,
      format: "native",
      body: lines([
        { id: "ok", prompt: "fine" },
        { id: "one", prompt: "p", responses: [{ content: "only one" }] },
        { id: "gold", prompt: "p", gold: { choice: "a" } },
      ]),
    }).catch((e: unknown) => e)) as AppError;
    const details = error.details as { errors: { line: number; field: string | null }[] };
    expect(details.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "responses"],
      [3, "gold"],
    ]);
    expect(await storedItems(campaign.id)).toEqual([]);
  });

  it("waiting prompts are never handed to an annotator", async () => {
    const { db } = database;
    const campaign = await newCampaign(db);
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    await upload(db, {
      campaignId: campaign.id,
      format: "native",
      body: lines([
        ...Array.from({ length: 5 }, (_, i) => ({ id: `wait-${i}`, prompt: `Prompt ${i}` })),
        { id: "ready", prompt: "Ready?", responses: [{ content: "Yes" }, { content: "No" }] },
      ]),
    });
    const caller = callerFor(db, annotator);
    const first = await caller.task.claimNext({ campaignId: campaign.id });
    expect(first.task?.responses).toHaveLength(2);
    if (!first.task) throw new Error("expected the ready item");
    await caller.task.submit({ assignmentId: first.task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" } });
    expect(await caller.task.claimNext({ campaignId: campaign.id })).toMatchObject({ task: null, reason: "done" });
  });
});
