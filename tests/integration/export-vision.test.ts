import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamExport } from "@/server/services/exports/stream-export";
import { fileFormatViolations, expectTrlRow } from "../unit/export-formats/trl-rules";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const cat = "https://img.example/cat.png";
const lines = [
  { id: "vision", prompt: [{ role: "user", content: [{ type: "image_url", image_url: { url: cat } }, { type: "text", text: "What animal?" }] }], responses: [{ id: "a", content: "A cat." }, { id: "b", content: "A dog." }] },
  { id: "text", prompt: "Name a colour", responses: [{ id: "a", content: "Blue." }, { id: "b", content: "Loud." }] },
].map((l) => JSON.stringify(l)).join("\n");

describe("a campaign with vision prompts, through the export service", () => {
  it("trl writes vision rows (one format for the file) and openai-dpo keeps the image inputs; flattening formats refuse", async () => {
    const { db } = database;
    const { admin, campaign, annotators } = await setupExportCampaign(db, { text: lines, annotators: 1 });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, { campaignId: campaign.id, annotator, decide: (v) => ({ choice: v.ids.a }) });
    const read = (format: string) => exportJsonl(db, { campaignId: campaign.id, actorId: admin.id, options: { format } });

    const trl = await read("trl");
    expect(trl).toEqual([
      {
        images: [cat],
        prompt: [{ role: "user", content: [{ type: "image" }, { type: "text", text: "What animal?" }] }],
        chosen: [{ role: "assistant", content: [{ type: "text", text: "A cat." }] }],
        rejected: [{ role: "assistant", content: [{ type: "text", text: "A dog." }] }],
      },
      {
        images: [],
        prompt: [{ role: "user", content: [{ type: "text", text: "Name a colour" }] }],
        chosen: [{ role: "assistant", content: [{ type: "text", text: "Blue." }] }],
        rejected: [{ role: "assistant", content: [{ type: "text", text: "Loud." }] }],
      },
    ]);
    for (const row of trl) expectTrlRow(row);
    expect(fileFormatViolations(trl)).toEqual([]);

    const openai = await read("openai-dpo");
    expect(openai[0]).toEqual({
      input: { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: cat } }, { type: "text", text: "What animal?" }] }] },
      preferred_output: [{ role: "assistant", content: "A cat." }],
      non_preferred_output: [{ role: "assistant", content: "A dog." }],
    });

    for (const format of ["trl-kto", "trl-implicit", "hh-rlhf"]) {
      await expect(streamExport(db, { campaignId: campaign.id, actorId: admin.id, options: { format } })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        details: { issues: [{ path: "format", message: `${format} cannot carry image prompts` }] },
      });
    }
    expect((await read("prompts"))[0]).toEqual({ prompt: [{ role: "user", content: [{ type: "image_url", image_url: { url: cat } }, { type: "text", text: "What animal?" }] }] });
  });
});
