import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listLeaks } from "@/app/api/v1/campaigns/[id]/identity-leaks/route";
import { POST as releaseLeaks } from "@/app/api/v1/campaigns/[id]/identity-leaks/release/route";
import { GET as stats } from "@/app/api/v1/campaigns/[id]/stats/route";
import { POST as claimNext } from "@/pages/api/v1/campaigns/[id]/tasks/next";
import { items, responses } from "@/db/schema";
import type { ImportFormat } from "@/server/formats/import-types";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, callerFor, createCampaign, createUser } from "../fixtures/factories";
import { callRoute, restOn, tokenFor } from "../fixtures/rest-client";
import { realItemId } from "../fixtures/task-ids";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { upload } from "./import-kit";

let database: TestDatabase;
let restore: () => void;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

const LEAKY = "As an AI developed by OpenAI, I cannot browse the web.";

function native(rows: { id: string; a: string; b: string; reasoning?: string }[]): string {
  return rows
    .map((r) =>
      JSON.stringify({
        id: r.id,
        prompt: `Question ${r.id}`,
        responses: [
          { id: "a", model: "model-one", content: r.a },
          { id: "b", model: "model-two", content: r.b, ...(r.reasoning ? { reasoning_content: r.reasoning } : {}) },
        ],
      }),
    )
    .join("\n");
}

const ROWS = [
  { id: "clean-1", a: "Paris.", b: "Lyon." },
  { id: "leaky", a: "Fine, thanks.", b: LEAKY },
  // Whole words only: neither is a leak.
  { id: "animals", a: "Llamas live in the Andes.", b: "The openair market sells their wool." },
  { id: "clean-2", a: "Four.", b: "Five." },
];

async function setup(input: Record<string, unknown> = {}, annotators = 3) {
  const { db } = database;
  const admin = await createUser(db, { role: "admin" });
  const campaign = await createCampaign(db, { admin, input: { overlap: Math.max(1, annotators), ...input } });
  const people: SessionUser[] = [];
  for (let i = 0; i < annotators; i++) {
    const annotator = await createUser(db, { role: "annotator" });
    await addAnnotator(db, { campaignId: campaign.id, annotator });
    people.push(annotator);
  }
  return { admin, campaign, people, adminToken: await tokenFor(db, admin) };
}

async function itemId(campaignId: string, externalId: string): Promise<string> {
  const rows = await database.db.select({ id: items.id, externalId: items.externalId }).from(items).where(eq(items.campaignId, campaignId));
  const found = rows.find((r) => r.externalId === externalId);
  if (!found) throw new Error(`no item ${externalId}`);
  return found.id;
}

/** Everything one annotator is handed, judged with a tie, until the queue says done. */
async function workThrough(campaignId: string, annotator: SessionUser): Promise<{ itemId: string; warning: boolean }[]> {
  const caller = callerFor(database.db, annotator);
  const seen: { itemId: string; warning: boolean }[] = [];
  for (;;) {
    const { task } = await caller.task.claimNext({ campaignId });
    if (!task) return seen;
    seen.push({ itemId: await realItemId(database.db, task), warning: task.identityWarning });
    await caller.task.submit({ assignmentId: task.assignmentId, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" } });
  }
}

describe("identity-leak guard at import", () => {
  it("under hold (the default), a flagged item is served to no annotator until an admin releases it", async () => {
    const { db } = database;
    const { campaign, people, adminToken } = await setup();
    expect(campaign.identityLeak).toBe("hold");
    const result = await upload(db, { campaignId: campaign.id, format: "native", body: native(ROWS) });
    expect(result).toEqual({ imported: 4, duplicates: 0, flagged: 1 });
    const leaky = await itemId(campaign.id, "leaky");

    const served = await Promise.all(people.map((p) => workThrough(campaign.id, p)));
    for (const list of served) {
      expect(list).toHaveLength(3);
      expect(list.map((s) => s.itemId)).not.toContain(leaky);
      expect(list.every((s) => !s.warning)).toBe(true);
    }

    const before = await callRoute(stats, "GET", { token: adminToken, id: campaign.id });
    expect(before.json).toMatchObject({ identity_leaks: { flagged: 1, held: 1, warned: 0, released: 0 } });

    // The admin sees which response and which phrases.
    const review = await callRoute(listLeaks, "GET", { token: adminToken, id: campaign.id, query: "status=held" });
    expect(review.status).toBe(200);
    expect(review.json).toMatchObject({
      mode: "hold",
      counts: { flagged: 1, held: 1 },
      items: [
        {
          item_id: leaky,
          external_id: "leaky",
          status: "held",
          responses: [
            {
              external_id: "b",
              model: "model-two",
              phrases: ["as an AI developed by", "OpenAI"],
              excerpts: [
                { before: "", match: "As an AI developed by", after: " OpenAI, I cannot browse the web." },
                { before: "As an AI developed by ", match: "OpenAI", after: ", I cannot browse the web." },
              ],
            },
          ],
        },
      ],
      next: null,
    });

    const released = await callRoute(releaseLeaks, "POST", { token: adminToken, id: campaign.id, json: { item_ids: [leaky] } });
    expect(released).toMatchObject({ status: 200, json: { changed: 1, counts: { flagged: 1, held: 0, released: 1 } } });
    // Released: every annotator now gets it, without a warning (an admin cleared it).
    for (const p of people) expect(await workThrough(campaign.id, p)).toEqual([{ itemId: leaky, warning: false }]);
  });

  it("under warn, the flagged item is served with a warning that names nothing, other items without", async () => {
    const { db } = database;
    const { campaign, people } = await setup({ identity_leak: "warn" }, 1);
    await upload(db, { campaignId: campaign.id, format: "native", body: native(ROWS) });
    const [annotator] = people;
    if (!annotator) throw new Error("no annotator");
    const token = await tokenFor(db, annotator);
    const leaky = await itemId(campaign.id, "leaky");

    const warnings = new Map<string, unknown>();
    for (;;) {
      const claimed = await callRoute(claimNext, "POST", { token, id: campaign.id });
      if (claimed.status === 204) break;
      const task = claimed.json as { assignment_id: string; identity_warning: unknown };
      warnings.set(await realItemId(db, { assignmentId: task.assignment_id }), task.identity_warning);
      await callerFor(db, annotator).task.submit({ assignmentId: task.assignment_id, idempotencyKey: crypto.randomUUID(), payload: { choice: "tie" } });
    }
    expect(warnings.size).toBe(4);
    // Annotators see neither the mode nor the phrases an answer could be held for.
    const view = await callerFor(db, annotator).campaign.byId({ campaignId: campaign.id });
    expect(view).not.toHaveProperty("identityLeakWords");
    expect(view).not.toHaveProperty("identityLeak");
    expect(warnings.get(leaky)).toBe(true);
    expect([...warnings].filter(([id]) => id !== leaky).every(([, w]) => w === false)).toBe(true);
  });

  it("checks every import format through the shared import path, and reasoning too, but not media URLs", async () => {
    const { db } = database;
    const cases: { format: ImportFormat; body: string }[] = [
      { format: "trl", body: JSON.stringify({ prompt: "Who are you?", chosen: "I'm Claude, nice to meet you.", rejected: "A helper." }) },
      { format: "hh-rlhf", body: JSON.stringify({ chosen: "\n\nHuman: Who?\n\nAssistant: I am ChatGPT.", rejected: "\n\nHuman: Who?\n\nAssistant: Nobody." }) },
      {
        format: "openai-dpo",
        body: JSON.stringify({
          input: { messages: [{ role: "user", content: "Who?" }] },
          preferred_output: [{ role: "assistant", content: "Built by Anthropic." }],
          non_preferred_output: [{ role: "assistant", content: "No idea." }],
        }),
      },
      { format: "csv", body: "id,prompt,response_a,response_b\nc1,Who?,Made by Gemini folks,A person\n" },
      { format: "native", body: native([{ id: "r", a: "Hello.", b: "Hi.", reasoning: "I am Claude, so I should greet." }]) },
    ];
    for (const c of cases) {
      const { campaign } = await setup({}, 0);
      const result = await upload(db, { campaignId: campaign.id, format: c.format, body: c.body }).catch((e: { details?: unknown }) => {
        throw new Error(`${c.format}: ${JSON.stringify(e.details)}`);
      });
      expect({ format: c.format, ...result }).toEqual({ format: c.format, imported: 1, duplicates: 0, flagged: 1 });
      const [item] = await db.select({ status: items.leakStatus }).from(items).where(eq(items.campaignId, campaign.id));
      expect(item?.status).toBe("held");
    }

    const { campaign } = await setup({}, 0);
    const media = JSON.stringify({
      id: "img",
      prompt: "Draw a cat",
      responses: [
        { id: "a", image_url: "https://openai.example.test/cat.png" },
        { id: "b", image_url: "https://example.test/cat.png" },
      ],
    });
    expect(await upload(db, { campaignId: campaign.id, format: "native", body: media })).toMatchObject({ imported: 1, flagged: 0 });
  });

  it("editing the list re-checks every response: a release sticks while its phrases are unchanged", async () => {
    const { db } = database;
    const { admin, campaign, people } = await setup({}, 1);
    const [annotator] = people;
    if (!annotator) throw new Error("no annotator");
    const body = native([
      { id: "meta", a: "Hello.", b: "Meta trained me as Llama 3." },
      { id: "bard", a: "Ask Bard.", b: "Ask a friend." },
      { id: "plain", a: "Yes.", b: "No." },
    ]);
    await upload(db, { campaignId: campaign.id, format: "native", body });
    const adminCaller = callerFor(db, admin);
    const status = async () =>
      Object.fromEntries(
        (await db.select({ e: items.externalId, s: items.leakStatus }).from(items).where(eq(items.campaignId, campaign.id)).orderBy(asc(items.seq))).map(
          (r) => [r.e, r.s],
        ),
      );
    const words = campaign.identityLeakWords;
    expect(await status()).toEqual({ meta: "held", bard: "clean", plain: "clean" });
    await adminCaller.identityLeak.release({ campaignId: campaign.id, input: { item_ids: [await itemId(campaign.id, "meta")] } });

    await adminCaller.campaign.update({ campaignId: campaign.id, input: { identity_leak_words: [...words, "Bard"] } });
    expect(await status()).toEqual({ meta: "released", bard: "held", plain: "clean" });

    await adminCaller.campaign.update({ campaignId: campaign.id, input: { identity_leak_words: [...words, "Bard", "Meta"] } });
    expect(await status()).toEqual({ meta: "held", bard: "held", plain: "clean" });
    const [metaB] = await db
      .select({ m: responses.leakMatches })
      .from(responses)
      .where(eq(responses.itemId, await itemId(campaign.id, "meta")))
      .orderBy(asc(responses.position))
      .offset(1);
    expect(metaB?.m).toEqual(["Meta", "Llama"]);

    await adminCaller.campaign.update({ campaignId: campaign.id, input: { identity_leak_words: ["Bard"] } });
    expect(await status()).toEqual({ meta: "clean", bard: "held", plain: "clean" });
    expect((await workThrough(campaign.id, annotator)).length).toBe(2);

    // Hold → warn serves the held item, with its warning.
    await adminCaller.campaign.update({ campaignId: campaign.id, input: { identity_leak: "warn" } });
    expect(await status()).toEqual({ meta: "clean", bard: "warned", plain: "clean" });
    expect(await workThrough(campaign.id, annotator)).toEqual([{ itemId: await itemId(campaign.id, "bard"), warning: true }]);
  });

  it("refuses a phrase with no letter or digit, and stores the list trimmed and without repeats", async () => {
    const { db } = database;
    const { admin, campaign } = await setup({}, 0);
    const caller = callerFor(db, admin);
    await expect(
      updateCampaign(db, { campaignId: campaign.id, input: { identity_leak_words: ["..."] }, actorId: admin.id }),
    ).rejects.toThrow(/letter or a digit/);
    const saved = await caller.campaign.update({ campaignId: campaign.id, input: { identity_leak_words: [" OpenAI ", "openai", "", "Bard"] } });
    expect(saved.identityLeakWords).toEqual(["OpenAI", "Bard"]);
  });
});
