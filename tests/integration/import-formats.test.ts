import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { counts, newCampaign, stored, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const LONG = "Lorem ipsum dolor sit amet, ".repeat(40_000); // ≈ 1.1 MB of text
const EMOJI = "Tschüß 👋🏽 — 日本語のテキスト, עברית, Ελληνικά ∑ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";

function lines(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

describe("real-looking data in every format is stored exactly", () => {
  it("native JSONL: multi-turn prompts, unicode, emoji, an empty response and a very long one", async () => {
    const campaign = await newCampaign(database.db);
    const file = lines([
      {
        id: "conv-1",
        prompt: [
          { role: "system", content: "You are terse." },
          { role: "user", content: "Hi!" },
          { role: "assistant", content: "Hello." },
          { role: "user", content: EMOJI },
        ],
        responses: [
          { id: "a", model: "m-1", content: "Grüße 👋" },
          { id: "b", model: "m-2", content: "" },
        ],
        metadata: { source: "chat", turn: 4 },
      },
      { id: 2, prompt: "Write a long essay.", responses: [{ content: LONG }, { content: "No." }] },
    ]);
    expect(
      await upload(database.db, {
        campaignId: campaign.id,
        format: "native",
        body: file,
        chunkSize: 4096,
      }),
    ).toEqual({ imported: 2, duplicates: 0, flagged: 0 });
    const [first, second] = await stored(database.db, campaign.id);
    expect(first?.prompt).toHaveLength(4);
    expect(first?.prompt[3]?.content).toBe(EMOJI);
    expect(first?.responses).toEqual([
      { model: "m-1", content: "Grüße 👋" },
      { model: "m-2", content: "" },
    ]);
    expect(first?.metadata).toEqual({ source: "chat", turn: 4 });
    expect(second?.externalId).toBe("2");
    expect(second?.responses[0]?.content).toBe(LONG);
  });

  it("TRL: explicit and implicit prompts, standard and conversational rows", async () => {
    const campaign = await newCampaign(database.db);
    const file = lines([
      { prompt: "Capital of France? 🇫🇷", chosen: "Paris.", rejected: "" },
      { chosen: "Q: 2+2?\nA: 4", rejected: "Q: 2+2?\nA: 5" },
      {
        prompt: [{ role: "user", content: "Translate „Haus“" }],
        chosen: [{ role: "assistant", content: "house" }],
        rejected: [{ role: "assistant", content: LONG }],
      },
      {
        id: "implicit-conv",
        chosen: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello! 😊" },
        ],
        rejected: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Go away." },
        ],
      },
    ]);
    expect(
      await upload(database.db, {
        campaignId: campaign.id,
        format: "trl",
        body: file,
        chunkSize: 1000,
      }),
    ).toEqual({ imported: 4, duplicates: 0, flagged: 0 });
    const rows = await stored(database.db, campaign.id);
    expect(rows[0]?.responses.map((r) => r.content)).toEqual(["Paris.", ""]);
    expect(rows[0]?.prompt).toEqual([{ role: "user", content: "Capital of France? 🇫🇷" }]);
    expect(rows[2]?.responses[1]?.content).toBe(LONG);
    expect(rows[3]?.externalId).toBe("implicit-conv");
    expect(rows[3]?.prompt).toEqual([{ role: "user", content: "Hi" }]);
    expect(rows[3]?.responses.map((r) => r.content)).toEqual(["Hello! 😊", "Go away."]);
  });

  it("HH-RLHF: multi-turn transcripts split at the last assistant turn, empty answers kept", async () => {
    const campaign = await newCampaign(database.db);
    const shared =
      "\n\nHuman: Can you help me with my essay? ✍️\n\nAssistant: Sure, what is it about?\n\nHuman: Über Katzen 🐈";
    const file = lines([
      {
        chosen: `${shared}\n\nAssistant: Gern! Let's start with an outline.`,
        rejected: `${shared}\n\nAssistant: `,
      },
      {
        chosen: `\n\nHuman: Long please.\n\nAssistant: ${LONG}`,
        rejected: "\n\nHuman: Long please.\n\nAssistant: Short.",
      },
    ]);
    expect(
      await upload(database.db, {
        campaignId: campaign.id,
        format: "hh-rlhf",
        body: file,
        chunkSize: 333,
      }),
    ).toEqual({ imported: 2, duplicates: 0, flagged: 0 });
    const [first, second] = await stored(database.db, campaign.id);
    expect(first?.prompt.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(first?.prompt[2]?.content).toBe("Über Katzen 🐈");
    expect(first?.responses.map((r) => r.content)).toEqual([
      "Gern! Let's start with an outline.",
      "",
    ]);
    expect(second?.responses[0]?.content).toBe(LONG);
  });

  it("OpenAI preference JSONL: system + multi-turn input, unicode outputs", async () => {
    const campaign = await newCampaign(database.db);
    const file = lines([
      {
        id: "oa-1",
        input: {
          messages: [
            { role: "system", content: "Answer in German." },
            { role: "user", content: "How’s the weather? ☔" },
            { role: "assistant", content: "Es regnet." },
            { role: "user", content: "And tomorrow?" },
          ],
        },
        preferred_output: [{ role: "assistant", content: "Morgen wird es sonnig ☀️" }],
        non_preferred_output: [{ role: "assistant", content: "" }],
      },
    ]);
    expect(
      await upload(database.db, { campaignId: campaign.id, format: "openai-dpo", body: file }),
    ).toEqual({ imported: 1, duplicates: 0, flagged: 0 });
    const [item] = await stored(database.db, campaign.id);
    expect(item?.prompt).toHaveLength(4);
    expect(item?.responses.map((r) => r.content)).toEqual(["Morgen wird es sonnig ☀️", ""]);
  });

  it("CSV: quoted newlines and commas, emoji, models, and formula-looking cells stored literally", async () => {
    const campaign = await newCampaign(database.db);
    const file = [
      "id,prompt,response_a,response_b,model_a,model_b",
      'c1,"Summarise: ""The quick, brown fox""","A fox.\nQuick and brown.\n\nThat is all.",A dog.,gpt-4o,llama-3',
      "c2,Compute 2+2,=SUM(2;2),+4,,",
      'c3,Say something nice 😊,"You’re doing “great”!",,m-x,m-y',
      "c4,-1 or @cmd?,-1,@cmd,,",
      `c5,Long,"${LONG}",short,,`,
    ].join("\n");
    expect(
      await upload(database.db, {
        campaignId: campaign.id,
        format: "csv",
        body: file,
        chunkSize: 50_000,
      }),
    ).toEqual({ imported: 5, duplicates: 0, flagged: 0 });
    const rows = await stored(database.db, campaign.id);
    expect(rows.map((r) => r.externalId)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    expect(rows[0]?.prompt[0]?.content).toBe('Summarise: "The quick, brown fox"');
    expect(rows[0]?.responses).toEqual([
      { model: "gpt-4o", content: "A fox.\nQuick and brown.\n\nThat is all." },
      { model: "llama-3", content: "A dog." },
    ]);
    expect(rows[1]?.responses.map((r) => r.content)).toEqual(["=SUM(2;2)", "+4"]);
    expect(rows[2]?.responses.map((r) => r.content)).toEqual(["You’re doing “great”!", ""]);
    expect(rows[3]?.responses.map((r) => r.content)).toEqual(["-1", "@cmd"]);
    expect(rows[4]?.responses[0]?.content).toBe(LONG);
  });

  it("CSV with response_1..K fills a ranking campaign", async () => {
    const campaign = await newCampaign(database.db, "ranking");
    const file =
      "prompt,response_1,response_2,response_3,model_1,model_2,model_3\nBest fruit?,Apple 🍎,Banana 🍌,Cherry 🍒,a,b,c\n";
    expect(
      await upload(database.db, { campaignId: campaign.id, format: "csv", body: file }),
    ).toEqual({ imported: 1, duplicates: 0, flagged: 0 });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 1, responses: 3 });
  });
});
