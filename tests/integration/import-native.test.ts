import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { gzipSync } from "node:zlib";
import { items, responses } from "@/db/schema";
import { AppError } from "@/server/errors";
import { importItems } from "@/server/services/imports/import-items";
import { createCampaign, createUser, importNative, pairwiseLines } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function countItems(campaignId: string): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(items).where(eq(items.campaignId, campaignId));
  return row?.n ?? 0;
}

async function newCampaign() {
  const admin = await createUser(database.db, { role: "admin" });
  return createCampaign(database.db, { admin, input: { overlap: 2 } });
}

describe("native JSONL import", () => {
  it("stores items with their responses and open slots equal to the overlap", async () => {
    const campaign = await newCampaign();
    expect(await importNative(database.db, { campaignId: campaign.id, text: pairwiseLines(5) })).toEqual({ imported: 5, duplicates: 0, flagged: 0 });
    const stored = await database.db.select().from(items).where(eq(items.campaignId, campaign.id));
    expect(stored.map((i) => i.openSlots)).toEqual([2, 2, 2, 2, 2]);
    const [first] = stored;
    const rs = await database.db.select().from(responses).where(eq(responses.itemId, first?.id ?? ""));
    expect(rs.map((r) => r.model).sort()).toEqual(["model-x", "model-y"]);
  });

  it("a malformed line among good ones imports nothing and reports its line number", async () => {
    const campaign = await newCampaign();
    const lines = pairwiseLines(3).split("\n");
    lines.splice(1, 0, '{"id": "oops", "prompt": "x", "responses": [');
    const error = await importNative(database.db, { campaignId: campaign.id, text: lines.join("\n") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({ errorCount: 1, errors: [{ line: 2, field: null }] });
    expect(await countItems(campaign.id)).toBe(0);
  });

  it("reports every bad line with its field, and the wrong number of responses for the template", async () => {
    const campaign = await newCampaign();
    const text = [
      JSON.stringify({ id: "1", prompt: "p", responses: [{ content: "only one" }] }),
      JSON.stringify({ id: "2", responses: [{ content: "a" }, { content: "b" }] }),
      JSON.stringify({ id: "3", prompt: "p", responses: [{ content: "a" }, { content: "b" }] }),
      JSON.stringify({ id: "3", prompt: "p", responses: [{ content: "a" }, { content: "b" }] }),
    ].join("\n");
    const error = (await importNative(database.db, { campaignId: campaign.id, text }).catch((e: unknown) => e)) as AppError;
    const details = error.details as { errors: { line: number; field: string | null }[] };
    expect(details.errors.map((e) => [e.line, e.field])).toEqual([
      [1, "responses"],
      [2, "prompt"],
      [4, "id"],
    ]);
    expect(await countItems(campaign.id)).toBe(0);
  });

  it("re-importing the same ids skips them and says how many", async () => {
    const campaign = await newCampaign();
    await importNative(database.db, { campaignId: campaign.id, text: pairwiseLines(3) });
    expect(await importNative(database.db, { campaignId: campaign.id, text: pairwiseLines(5) })).toEqual({ imported: 2, duplicates: 3, flagged: 0 });
    expect(await countItems(campaign.id)).toBe(5);
  });

  it("accepts gzip and refuses a file over the size limit", async () => {
    const campaign = await newCampaign();
    const gz = gzipSync(Buffer.from(pairwiseLines(4)));
    async function* body() {
      yield new Uint8Array(gz);
    }
    const result = await importItems(database.db, { campaignId: campaign.id, format: "native", body: body(), maxBytes: 1_000_000, actorId: null });
    expect(result.imported).toBe(4);
    const tooBig = await importItems(database.db, {
      campaignId: campaign.id,
      format: "native",
      body: (async function* () {
        yield new TextEncoder().encode(pairwiseLines(50, "big"));
      })(),
      maxBytes: 500,
      actorId: null,
    }).catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await countItems(campaign.id)).toBe(4);
  });

  it("an empty file is an error, not a silent success", async () => {
    const campaign = await newCampaign();
    await expect(importNative(database.db, { campaignId: campaign.id, text: "\n\n" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
  it("refuses image and audio responses whose address is not http(s), naming line and field", async () => {
    const campaign = await newCampaign();
    const pair = (a: object, b: object) => [a, b];
    const text = [
      { id: "ok", prompt: "Draw a cat", responses: pair({ image_url: "https://img.example/a.png" }, { image_url: "http://img.example/b.png" }) },
      { id: "js", prompt: "Draw a cat", responses: pair({ image_url: "javascript:alert(1)" }, { image_url: "https://img.example/b.png" }) },
      { id: "data", prompt: "Sing", responses: pair({ audio_url: "https://a.example/1.mp3" }, { audio_url: "data:audio/wav;base64,AAAA" }) },
      { id: "file", prompt: "Sing", responses: pair({ audio_url: "file:///etc/passwd" }, { audio_url: "https://a.example/2.mp3" }) },
    ]
      .map((row) => JSON.stringify(row))
      .join("\n");
    const error = await importNative(database.db, { campaignId: campaign.id, text }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const details = (error as AppError).details as { errors: { line: number; field: string | null; message: string }[] };
    expect(details.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "responses.0.image_url"],
      [3, "responses.1.audio_url"],
      [4, "responses.0.audio_url"],
    ]);
    expect(details.errors[0]?.message).toBe("image_url must be an http:// or https:// URL");
    expect(details.errors[1]?.message).toBe("audio_url must be an http:// or https:// URL");
    expect(await countItems(campaign.id)).toBe(0);
  });
});
