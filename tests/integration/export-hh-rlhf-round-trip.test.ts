import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "@/server/formats/messages";
import { renderConversation } from "@/server/formats/hh-rlhf-export";
import { expectTrlRow } from "../unit/export-formats/trl-rules";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportBytes, exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const FIXTURE = new URL("../fixtures/import/hh-rlhf-good.jsonl", import.meta.url);

describe("an HH-RLHF file imported, judged as its original and exported again", () => {
  it("exports hh-rlhf byte for byte and TRL rows whose prompt + chosen rebuild the original", async () => {
    const { db } = database;
    const input = await readFile(FIXTURE, "utf8");
    const { admin, campaign, annotators } = await setupExportCampaign(db, {
      text: input,
      format: "hh-rlhf",
      annotators: 1,
      input: { overlap: 1 },
    });
    const [annotator] = annotators;
    if (!annotator) throw new Error("an annotator");
    const lines = input.split("\n").filter((line) => line.length > 0);
    const judged = await judgeAll(db, {
      campaignId: campaign.id,
      annotator,
      // The importer remembers which response was the file's "chosen" one.
      decide: (view) => {
        const preferred = view.source?.preferred;
        const id = typeof preferred === "string" ? view.ids[preferred] : undefined;
        if (!id) throw new Error(`item ${view.itemExternalId} has no preferred response`);
        return { choice: id };
      },
    });
    expect(judged).toBe(lines.length);

    const hh = await exportBytes(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "hh-rlhf" },
    });
    const exported = new TextDecoder()
      .decode(hh.bytes)
      .split("\n")
      .filter((line) => line.length > 0);
    expect(exported).toEqual(lines);
    expect(hh.contentType).toBe("application/x-ndjson; charset=utf-8");

    const trl = await exportJsonl(db, {
      campaignId: campaign.id,
      actorId: admin.id,
      options: { format: "trl" },
    });
    expect(trl).toHaveLength(lines.length);
    trl.forEach((row, i) => {
      expectTrlRow(row);
      const original = (JSON.parse(lines[i] ?? "{}") as { chosen: string }).chosen;
      const rebuilt = renderConversation([
        ...(row.prompt as Message[]),
        ...(row.chosen as Message[]),
      ]);
      // A transcript ending in a bare "Assistant:" parses to an empty answer; rendered back it
      // gains the marker's space. Only that byte can differ (the hh-rlhf export keeps it).
      expect([original, `${original} `]).toContain(rebuilt);
    });
  });
});
