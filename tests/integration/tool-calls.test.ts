import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportFormat } from "@/server/formats/import-types";
import { expectTrlRow, fileFormatViolations } from "../unit/export-formats/trl-rules";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { callerFor } from "../fixtures/factories";
import { exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";
import { counts, expectRejected, newCampaign, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
const conversation = (answers = "call_1") => [
  { role: "user", content: "Weather in Paris?" },
  { role: "assistant", content: "", tool_calls: [call] },
  { role: "tool", tool_call_id: answers, content: '{"temp": 21}' },
];

const ROWS: Record<"native" | "trl" | "openai-dpo", (id: number, answers?: string) => unknown> = {
  native: (id, answers) => ({ id, prompt: conversation(answers), tools, responses: [{ content: "21 °C." }, { content: "Cold." }] }),
  trl: (id, answers) => ({ id, prompt: conversation(answers), chosen: [{ role: "assistant", content: "21 °C." }], rejected: [{ role: "assistant", content: "Cold." }], tools }),
  "openai-dpo": (id, answers) => ({
    input: { messages: conversation(answers), tools },
    preferred_output: [{ role: "assistant", content: "21 °C." }],
    non_preferred_output: [{ role: "assistant", content: "Cold." }],
  }),
};

describe.each(Object.keys(ROWS) as (keyof typeof ROWS & ImportFormat)[])("%s: tool calls at import", (format) => {
  it("a tool message answering no earlier call names its line and imports nothing", async () => {
    const campaign = await newCampaign(database.db);
    const body = [ROWS[format](1), ROWS[format](2, "call_9")].map((r) => JSON.stringify(r)).join("\n");
    const field = format === "openai-dpo" ? "input.messages.2.tool_call_id" : "prompt.2.tool_call_id";
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format, body }),
      problems: [{ line: 2, field, message: /answers no earlier tool call \(no call has id "call_9"\)/ }],
    });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
  });
});

describe("tool calls in exports", () => {
  it("TRL rows keep the prompt's tool_calls and a tools column; OpenAI DPO keeps tools", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: [ROWS.native(1), { id: 2, prompt: "Plain", responses: [{ content: "x" }, { content: "y" }] }].map((r) => JSON.stringify(r)).join("\n"),
      annotators: 1,
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, { campaignId: campaign.id, annotator, decide: (v) => ({ choice: v.order[0] }) });
    const trl = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl" } });
    expect(trl[0]).toEqual({
      prompt: conversation(),
      chosen: [{ role: "assistant", content: "21 °C." }],
      rejected: [{ role: "assistant", content: "Cold." }],
      tools,
    });
    for (const row of trl) expectTrlRow(row);
    expect(fileFormatViolations(trl)).toEqual([]);
    const openai = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "openai-dpo" } });
    expect(openai[0]).toMatchObject({ input: { messages: conversation(), tools } });
  });

  it("a TRL row's tools column survives import and export", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, { text: JSON.stringify(ROWS.trl(1)), format: "trl", annotators: 1 });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, { campaignId: campaign.id, annotator, decide: (v) => ({ choice: v.ids["1"] }) });
    const trl = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl" } });
    expect(trl).toEqual([
      { prompt: conversation(), chosen: [{ role: "assistant", content: "21 °C." }], rejected: [{ role: "assistant", content: "Cold." }], tools },
    ]);
  });
});

describe("a response's reasoning", () => {
  it("reaches the annotator's task apart from the answer, and never enters an exported answer", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: JSON.stringify({
        id: 1,
        prompt: "Is 9.11 larger than 9.8?",
        responses: [
          { id: "r", content: "No.", reasoning_content: "0.8 is 0.80, and 0.80 > 0.11." },
          { id: "t", content: "Yes.", thinking: "11 > 8." },
        ],
      }),
      annotators: 1,
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    const { task } = await callerFor(db, annotator).task.claimNext({ campaignId: campaign.id });
    const shown = Object.fromEntries((task?.responses ?? []).map((r) => [r.content, r.reasoning]));
    expect(shown).toEqual({ "No.": "0.8 is 0.80, and 0.80 > 0.11.", "Yes.": "11 > 8." });
    await judgeAll(db, { campaignId: campaign.id, annotator, decide: (v) => ({ choice: v.ids.r }) });
    const trl = await exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format: "trl" } });
    expect(trl).toEqual([{ prompt: "Is 9.11 larger than 9.8?", chosen: "No.", rejected: "Yes." }]);
  });
});
