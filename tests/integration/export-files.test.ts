import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetExports } from "@/db/schema";
import { GET as download } from "@/app/api/v1/campaigns/[id]/export/route";
import { callerFor } from "../fixtures/factories";
import { restOn, tokenFor } from "../fixtures/rest-client";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { expectTrlRow } from "../unit/export-formats/trl-rules";
import { exportBytes, exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
let restore: () => void;
let fixture: Awaited<ReturnType<typeof judgedCampaign>>;
beforeAll(async () => {
  database = await createTestDatabase();
  restore = restOn(database.db);
  fixture = await judgedCampaign(database.db);
});
afterAll(async () => {
  restore?.();
  await database?.close();
});

/** Twelve items, three annotators; texts that a spreadsheet would run as formulas. */
async function judgedCampaign(db: TestDatabase["db"]) {
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      id: `q${i + 1}`,
      prompt: i % 3 === 0 ? [{ role: "user", content: `Chat ${i}` }] : `=HYPERLINK("x") ${i}`,
      responses: [
        { id: "a", model: "m1", content: `-1 + ${i}` },
        { id: "b", model: "m2", content: `@risk ${i}, "quoted"\nline` },
      ],
    }),
  );
  const setup = await setupExportCampaign(db, {
    text: lines.join("\n"),
    annotators: 3,
    input: { overlap: 3, template: { kind: "pairwise", strength: true } },
  });
  for (const [index, annotator] of setup.annotators.entries()) {
    await judgeAll(db, {
      campaignId: setup.campaign.id,
      annotator,
      decide: (view) => ({
        choice: view.order[index % 2] ?? "",
        strength: index ? "better" : "significant",
      }),
    });
  }
  return setup;
}

async function get(query: string, token: string, id = fixture.campaign.id) {
  const request = new Request(`http://localhost/api/v1/campaigns/${id}/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return download(request, { params: Promise.resolve({ id }) });
}

const options = (extra: Record<string, unknown>) => ({
  campaignId: fixture.campaign.id,
  actorId: fixture.admin.id,
  options: extra,
});

describe("export files", () => {
  it("Parquet reads back, with an independent reader, as the same rows as JSONL", async () => {
    const { db } = database;
    const jsonl = await exportJsonl(db, options({ format: "trl", margin: "small" }));
    const parquet = await exportBytes(
      db,
      options({ format: "trl", margin: "small", file: "parquet" }),
    );
    expect(parquet.contentType).toBe("application/vnd.apache.parquet");
    expect(parquet.filename).toMatch(/-trl\.parquet$/);
    const buffer = parquet.bytes.buffer.slice(
      parquet.bytes.byteOffset,
      parquet.bytes.byteOffset + parquet.bytes.byteLength,
    );
    const rows = await parquetReadObjects({ file: buffer as ArrayBuffer });
    expect(rows).toHaveLength(jsonl.length);
    expect(rows).toEqual(jsonl);
    // Text and conversation prompts are mixed here: every row is written as a conversation,
    // since TRL and `datasets` need one format per column across the file.
    for (const row of rows) {
      expectTrlRow(row);
      expect(Array.isArray(row.prompt)).toBe(true);
    }
  });

  it("Parquet also reads back with the Rust arrow-rs reader (compiled to WebAssembly)", async () => {
    const { db } = database;
    const jsonl = await exportJsonl(db, options({ format: "trl", margin: "large" }));
    const parquet = await exportBytes(db, options({ format: "trl", margin: "large", file: "parquet" }));
    const { readParquet } = await import("parquet-wasm");
    const { tableFromIPC } = await import("apache-arrow");
    const table = tableFromIPC(readParquet(parquet.bytes).intoIPCStream());
    expect(table.numRows).toBe(jsonl.length);
    expect(table.schema.fields.map((f) => f.name).sort()).toEqual(["chosen", "margin", "prompt", "rejected"]);
    const rows = JSON.parse(JSON.stringify(table.toArray())) as unknown[];
    expect(rows).toEqual(jsonl);
  });

  it("CSV defuses formulas and quotes fields; the download says what it is", async () => {
    const { db } = database;
    const line = JSON.stringify({
      id: "f1",
      prompt: '=HYPERLINK("x")',
      responses: [
        { id: "a", content: "-1 + 1" },
        { id: "b", content: '@risk, "quoted"\nline' },
      ],
    });
    const setup = await setupExportCampaign(db, {
      text: line,
      annotators: 1,
      input: { overlap: 1 },
    });
    const [annotator] = setup.annotators;
    if (!annotator) throw new Error("an annotator");
    await judgeAll(db, {
      campaignId: setup.campaign.id,
      annotator,
      decide: (view) => ({ choice: view.ids.a ?? "" }),
    });
    const response = await get(
      "format=trl&file=csv",
      await tokenFor(db, setup.admin),
      setup.campaign.id,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".*-trl\.csv"$/,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(
      `prompt,chosen,rejected\r\n"'=HYPERLINK(""x"")",'-1 + 1,"'@risk, ""quoted""\nline"\r\n`,
    );
  });

  it("a Hugging Face zip holds train and test Parquet files and a dataset card", async () => {
    const { db } = database;
    const all = await exportJsonl(db, options({ format: "trl" }));
    const zip = await exportBytes(
      db,
      options({ format: "trl", file: "hf", test_fraction: 0.5, seed: "s1" }),
    );
    expect(zip.contentType).toBe("application/zip");
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "data/test-00000-of-00001.parquet",
      "data/train-00000-of-00001.parquet",
    ]);
    const read = async (name: string) => {
      const bytes = files[name];
      if (!bytes) throw new Error(`no ${name}`);
      return parquetReadObjects({ file: bytes.slice().buffer });
    };
    const train = await read("data/train-00000-of-00001.parquet");
    const test = await read("data/test-00000-of-00001.parquet");
    expect(train.length + test.length).toBe(all.length);
    const prompts = (rows: Record<string, unknown>[]) =>
      new Set(rows.map((r) => JSON.stringify(r.prompt)));
    const trainPrompts = prompts(train);
    for (const prompt of prompts(test)) expect(trainPrompts.has(prompt)).toBe(false);
    const card = new TextDecoder().decode(files["README.md"]);
    expect(card).toContain("config_name: default");
    expect(card).toContain(`num_examples: ${train.length}`);
    expect(card).toContain("test_fraction = 0.5");

    const [record] = await db
      .select()
      .from(datasetExports)
      .where(eq(datasetExports.id, zip.exportId));
    expect(record).toMatchObject({ status: "done", file: "hf", rowCount: all.length });
    expect(record?.sha256).toBe(createHash("sha256").update(zip.bytes).digest("hex"));
  });

  it("records every export, previews counts without recording, and lists the history", async () => {
    const { db } = database;
    const caller = callerFor(db, fixture.admin);
    const preview = await caller.export.preview({
      campaignId: fixture.campaign.id,
      options: { format: "trl-kto" },
    });
    const exported = await exportBytes(db, options({ format: "trl-kto", file: "csv" }));
    const [record] = await db
      .select()
      .from(datasetExports)
      .where(eq(datasetExports.id, exported.exportId));
    expect(record).toMatchObject({
      status: "done",
      format: "trl-kto",
      file: "csv",
      rowCount: preview.rows,
    });
    expect(record?.sha256).toBe(createHash("sha256").update(exported.bytes).digest("hex"));
    expect(preview.rows).toBe(12 * 3 * 2);
    expect(preview.sample).toHaveLength(3);

    const history = await caller.export.history({ campaignId: fixture.campaign.id });
    expect(history[0]).toMatchObject({
      id: exported.exportId,
      format: "trl-kto",
      file: "csv",
      createdBy: fixture.admin.email,
    });
    expect(history.filter((h) => h.format === "trl-kto")).toHaveLength(1);
    const annotator = fixture.annotators[0];
    if (!annotator) throw new Error("an annotator");
    await expect(
      callerFor(db, annotator).export.history({ campaignId: fixture.campaign.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers bad options and non-admins in the REST error shape", async () => {
    const admin = await tokenFor(database.db, fixture.admin);
    const tiesForTrl = await get("format=trl&ties=keep", admin);
    expect(tiesForTrl.status).toBe(400);
    const body = (await tiesForTrl.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/tie/);
    expect((await get("format=trl&colour=blue", admin)).status).toBe(400);
    const annotator = fixture.annotators[0];
    if (!annotator) throw new Error("an annotator");
    expect((await get("format=trl", await tokenFor(database.db, annotator))).status).toBe(403);
  });

  it("raw judgements carry a stable pseudonym, never the annotator's id", async () => {
    const { db } = database;
    const first = await exportJsonl(db, options({ format: "judgements" }));
    const second = await exportJsonl(db, options({ format: "judgements" }));
    expect(first).toHaveLength(36);
    expect(first).toEqual(second);
    const ids = new Set(fixture.annotators.map((a) => a.id));
    const pseudonyms = new Set(first.map((row) => row.annotator));
    expect(pseudonyms.size).toBe(3);
    for (const p of pseudonyms) expect(ids.has(String(p))).toBe(false);
    const parquet = await exportBytes(db, options({ format: "judgements", file: "parquet" }));
    const rows = await parquetReadObjects({ file: parquet.bytes.slice().buffer });
    expect(rows.map((r) => r.annotator)).toEqual(first.map((r) => r.annotator));
  });
});
