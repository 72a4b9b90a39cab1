import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { previewImport } from "@/server/services/imports/preview-import";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { chunked, counts, newCampaign, upload } from "./import-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function hhRows(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const i = from + k;
    return JSON.stringify({
      chosen: `\n\nHuman: Q${i} 🤔\n\nAssistant: yes ${i}`,
      rejected: `\n\nHuman: Q${i} 🤔\n\nAssistant: no ${i}`,
    });
  });
}

function preview(
  campaignId: string,
  format: "hh-rlhf" | "native",
  body: string,
  maxBytes = 10_000_000,
) {
  return previewImport(database.db, { campaignId, format, body: chunked(body, 64), maxBytes });
}

async function auditCount(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return row?.n ?? 0;
}

describe("import preview", () => {
  it("shows the first 5 items and the counts, and writes nothing", async () => {
    const campaign = await newCampaign(database.db);
    const audits = await auditCount();
    const result = await preview(campaign.id, "hh-rlhf", hhRows(1, 12).join("\n"));
    expect(result).toMatchObject({
      valid: 12,
      duplicates: 0,
      importable: 12,
      errors: [],
      error_count: 0,
    });
    expect(result.sample).toHaveLength(5);
    expect(result.sample[0]?.prompt).toEqual([{ role: "user", content: "Q1 🤔" }]);
    expect(result.sample[0]?.responses.map((r) => r.content)).toEqual(["yes 1", "no 1"]);
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
    expect(await auditCount()).toBe(audits);
  });

  it("counts items the campaign already has as duplicates, as the import will skip them", async () => {
    const campaign = await newCampaign(database.db);
    await upload(database.db, {
      campaignId: campaign.id,
      format: "hh-rlhf",
      body: hhRows(1, 4).join("\n"),
    });
    const result = await preview(campaign.id, "hh-rlhf", hhRows(1, 10).join("\r\n"));
    expect(result).toMatchObject({ valid: 10, duplicates: 4, importable: 6, error_count: 0 });
    expect(
      await upload(database.db, {
        campaignId: campaign.id,
        format: "hh-rlhf",
        body: hhRows(1, 10).join("\n"),
      }),
    ).toEqual({
      imported: 6,
      duplicates: 4,
      flagged: 0,
    });
  });

  it("reports problems the way the import does: the first 100 and the total", async () => {
    const campaign = await newCampaign(database.db);
    const rows = [
      ...hhRows(1, 3),
      ...Array.from({ length: 150 }, () => "{not json"),
      ...hhRows(4, 5),
    ];
    const result = await preview(campaign.id, "hh-rlhf", rows.join("\n"));
    expect(result.valid).toBe(5);
    expect(result.error_count).toBe(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]).toMatchObject({
      line: 4,
      field: null,
      message: expect.stringMatching(/Not valid JSON/),
    });
    expect(await counts(database.db, campaign.id)).toEqual({ items: 0, responses: 0 });
  });

  it("an empty file is one problem; an over-size file is refused", async () => {
    const campaign = await newCampaign(database.db);
    expect(await preview(campaign.id, "native", "")).toMatchObject({
      valid: 0,
      error_count: 1,
      errors: [{ line: 0 }],
    });
    await expect(
      preview(campaign.id, "hh-rlhf", hhRows(1, 50).join("\n"), 500),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("clips very long texts in the sample but counts the item", async () => {
    const campaign = await newCampaign(database.db);
    const long = "word ".repeat(100_000);
    const body = JSON.stringify({
      id: "x",
      prompt: "p",
      responses: [{ content: long }, { content: "" }],
    });
    const result = await preview(campaign.id, "native", body);
    expect(result.valid).toBe(1);
    expect(result.sample[0]?.responses[0]?.content.length).toBeLessThan(2_100);
    expect(result.sample[0]?.responses[1]?.content).toBe("");
  });
});
