import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { items, responses } from "@/db/schema";
import type { ImportFormat } from "@/server/formats/import-types";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { expectRejected, newCampaign, upload, type ExpectedProblem } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const call = (id: string) => ({ id, type: "function", function: { name: "weather", arguments: "{}" } });
const toolTurn = (answers: string) => [
  { role: "assistant", content: "", tool_calls: [call("c1")] },
  { role: "tool", tool_call_id: answers, content: '{"temp": 21}' },
  { role: "assistant", content: "21 °C." },
];
const noUrl = { role: "assistant", content: [{ type: "image_url", image_url: {} }] };
const question = [{ role: "user", content: "Weather?" }];

async function storedResponses(campaignId: string) {
  return database.db
    .select({ content: responses.content, messages: responses.messages })
    .from(responses)
    .innerJoin(items, eq(items.id, responses.itemId))
    .where(eq(items.campaignId, campaignId))
    .orderBy(asc(items.seq), asc(responses.position));
}

/**
 * Every import format whose answers may hold messages, each with a good row and rows whose
 * answer has a tool result for a call never made, or an image part without a URL. The
 * problems must name the line and the field in the row's own numbering, and nothing is stored.
 * HH-RLHF and CSV carry text only: neither tool messages nor parts can appear in them.
 */
const CASES: {
  format: ImportFormat;
  good: unknown;
  bad: unknown[];
  problems: ExpectedProblem[];
}[] = [
  {
    format: "native",
    good: { id: 1, prompt: "Weather?", responses: [{ messages: toolTurn("c1") }, { content: "Cold." }] },
    bad: [
      { id: 2, prompt: "Weather?", responses: [{ messages: toolTurn("c9") }, { content: "Cold." }] },
      { id: 3, prompt: "Weather?", responses: [{ content: "Cold." }, { messages: [noUrl] }] },
      { id: 4, prompt: "Weather?", responses: [{ messages: [{ role: "system", content: "x" }, { role: "assistant", content: "y" }] }, { content: "z" }] },
      { id: 5, prompt: "Weather?", responses: [{ messages: [{ role: "user", content: "Hm?" }] }, { content: "z" }] },
    ],
    problems: [
      { line: 2, field: "responses.0.messages.1.tool_call_id", message: /answers no earlier tool call \(no call has id "c9"\)/ },
      { line: 3, field: "responses.1.messages.0.content.0.image_url.url", message: /an image part needs a URL/ },
      { line: 4, field: "responses.0.messages.0.role", message: /assistant, user, tool messages, not system/ },
      { line: 5, field: "responses.0.messages", message: /at least one assistant message/ },
    ],
  },
  {
    format: "trl",
    good: { id: 1, prompt: question, chosen: toolTurn("c1"), rejected: [{ role: "assistant", content: "Cold." }] },
    bad: [
      { id: 2, prompt: question, chosen: toolTurn("c9"), rejected: [{ role: "assistant", content: "Cold." }] },
      // Implicit prompt: the answer starts after the shared opening, at index 1 of the row.
      { id: 3, chosen: [...question, ...toolTurn("c9")], rejected: [...question, { role: "assistant", content: "Cold." }] },
      // ...and the shared opening itself answers no call.
      {
        id: 4,
        chosen: [...question, { role: "tool", tool_call_id: "c7", content: "{}" }, { role: "assistant", content: "A" }],
        rejected: [...question, { role: "tool", tool_call_id: "c7", content: "{}" }, { role: "assistant", content: "B" }],
      },
      { id: 5, prompt: question, chosen: [noUrl], rejected: [{ role: "assistant", content: "Cold." }] },
    ],
    problems: [
      { line: 2, field: "chosen.1.tool_call_id", message: /no call has id "c9"/ },
      { line: 3, field: "chosen.2.tool_call_id", message: /no call has id "c9"/ },
      { line: 4, field: "chosen.1.tool_call_id", message: /no call has id "c7"/ },
      { line: 5, field: "chosen.0.content.0.image_url.url", message: /an image part needs a URL/ },
    ],
  },
  {
    format: "openai-dpo",
    good: { input: { messages: question }, preferred_output: toolTurn("c1"), non_preferred_output: [{ role: "assistant", content: "Cold." }] },
    bad: [
      { input: { messages: question }, preferred_output: [{ role: "assistant", content: "Cold." }], non_preferred_output: toolTurn("c9") },
      { input: { messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }] }, preferred_output: [{ role: "assistant", content: "A" }], non_preferred_output: [{ role: "assistant", content: "B" }] },
    ],
    problems: [
      { line: 2, field: "non_preferred_output.1.tool_call_id", message: /no call has id "c9"/ },
      { line: 3, field: "input.messages.0.content.0.image_url.url", message: /an image part needs a URL/ },
    ],
  },
];

describe.each(CASES)("$format: answers with tool turns", ({ format, good, bad, problems }) => {
  it("keeps an answer's tool call, result and final text as its messages", async () => {
    const campaign = await newCampaign(database.db);
    expect((await upload(database.db, { campaignId: campaign.id, format, body: JSON.stringify(good) })).imported).toBe(1);
    const [first] = await storedResponses(campaign.id);
    expect(first?.messages).toEqual(toolTurn("c1"));
    expect(first?.content).toBe('Assistant: [call weather({})]\n\nTool: {"temp": 21}\n\nAssistant: 21 °C.');
  });

  it("names the line and field of a tool result for no call, or an image without a URL, and imports nothing", async () => {
    const campaign = await newCampaign(database.db);
    const body = [good, ...bad].map((r) => JSON.stringify(r)).join("\n");
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format, body }),
      problems,
    });
  });
});
