import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportFormat } from "@/server/formats/import-types";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { counts, expectRejected, newCampaign, stored, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const image = (url?: string) => ({ type: "image_url", image_url: url === undefined ? {} : { url } });
const visionPrompt = (url?: string) => [
  { role: "user", content: [image(url), { type: "text", text: "What is in the picture?" }] },
];

/** One vision row per format, its image at `url` (none: an image part without a URL). */
const ROWS: Record<"native" | "trl" | "openai-dpo", (id: number, url?: string) => unknown> = {
  native: (id, url) => ({ id, prompt: visionPrompt(url), responses: [{ content: "A cat." }, { content: "A dog." }] }),
  trl: (id, url) => ({
    id,
    prompt: visionPrompt(url),
    chosen: [{ role: "assistant", content: [{ type: "text", text: "A cat." }] }],
    rejected: [{ role: "assistant", content: "A dog." }],
  }),
  "openai-dpo": (id, url) => ({
    input: { messages: visionPrompt(url) },
    preferred_output: [{ role: "assistant", content: "A cat." }],
    non_preferred_output: [{ role: "assistant", content: "A dog." }],
  }),
};

describe.each(Object.keys(ROWS) as (keyof typeof ROWS & ImportFormat)[])("%s: vision prompts", (format) => {
  const row = ROWS[format];
  it("keeps the prompt's image and text parts in order", async () => {
    const campaign = await newCampaign(database.db);
    const body = [row(1, "https://img.example/cat.png"), row(2, "https://img.example/dog.png")].map((r) => JSON.stringify(r)).join("\n");
    expect((await upload(database.db, { campaignId: campaign.id, format, body })).imported).toBe(2);
    const items = await stored(database.db, campaign.id);
    expect(items[0]?.prompt).toEqual(visionPrompt("https://img.example/cat.png"));
    expect(items[0]?.responses.map((r) => r.content).sort()).toEqual(["A cat.", "A dog."]);
  });

  it("an image part without a URL, or with a non-web one, names its line and imports nothing", async () => {
    const campaign = await newCampaign(database.db);
    const body = [row(1, "https://img.example/cat.png"), row(2), row(3, "javascript:alert(1)")].map((r) => JSON.stringify(r)).join("\n");
    const field = format === "openai-dpo" ? "input.messages.0.content.0.image_url.url" : "prompt.0.content.0.image_url.url";
    await expectRejected(database.db, {
      campaignId: campaign.id,
      attempt: upload(database.db, { campaignId: campaign.id, format, body }),
      problems: [
        { line: 2, field, message: /an image part needs a URL/ },
        { line: 3, field, message: /http:\/\/ or https:\/\// },
      ],
    });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
  });
});
