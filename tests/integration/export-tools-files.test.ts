import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromString } from "@/server/formats/byte-streams";
import { readCsvRecords } from "@/server/formats/csv-records";
import { expectTrlRow, fileFormatViolations } from "../unit/export-formats/trl-rules";
import { perTurnLine, turnsOf } from "../fixtures/per-turn";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { exportBytes, exportJsonl, judgeAll, setupExportCampaign } from "./export-kit";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const tools = [{ type: "function", function: { name: "weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];

/** Per-turn pairs whose first turn calls a tool, with the tools' schemas; one plain pair after them. */
async function toolCampaign() {
  const { db } = database;
  const text = [
    perTurnLine("t1", turnsOf("A1", 3, { withTool: true }), turnsOf("B1"), { tools }),
    perTurnLine("t2", turnsOf("A2"), turnsOf("B2", 3, { withTool: true }), { tools }),
    perTurnLine("plain", turnsOf("A3", 1), turnsOf("B3", 1)),
  ].join("\n");
  const { admin, campaign, annotators } = await setupExportCampaign(db, {
    text,
    annotators: 1,
    input: { overlap: 1, template: { kind: "pairwise", per_turn: true, allow_tie: false } },
  });
  const [annotator] = annotators;
  if (!annotator) throw new Error("an annotator");
  await judgeAll(db, {
    campaignId: campaign.id,
    annotator,
    decide: (v) => ({ turns: Array.from({ length: v.itemExternalId === "plain" ? 1 : 3 }, (_, k) => ({ choice: v.order[k % 2] })) }),
  });
  const options = (extra: Record<string, unknown>) => ({ campaignId: campaign.id, actorId: admin.id, options: extra });
  return { jsonl: (o: Record<string, unknown>) => exportJsonl(db, options(o)), bytes: (o: Record<string, unknown>) => exportBytes(db, options(o)) };
}

async function csvRows(bytes: Uint8Array): Promise<Record<string, string>[]> {
  const records: string[][] = [];
  for await (const r of readCsvRecords(fromString(new TextDecoder().decode(bytes)))) if ("cells" in r) records.push(r.cells);
  const [header = [], ...body] = records;
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

/** Parquet's message struct has every field on every message; JSONL leaves absent ones out. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

describe("tool calls in CSV and Parquet exports", () => {
  it("CSV rows carry the tools column and the messages as JSON text, equal to the JSONL rows", async () => {
    const { jsonl, bytes } = await toolCampaign();
    for (const format of ["trl", "trl-implicit"]) {
      const expected = await jsonl({ format });
      expect(expected.filter((r) => "tools" in r).length).toBeGreaterThan(0);
      const rows = await csvRows((await bytes({ format, file: "csv" })).bytes);
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, i) => {
        const want = expected[i] ?? {};
        expect(Object.keys(row)).toContain("tools");
        expect(row.tools === "" ? undefined : JSON.parse(row.tools ?? "")).toEqual(want.tools);
        expect(JSON.parse(row.chosen ?? "")).toEqual(want.chosen);
        expect(Number(row.turn)).toBe(want.turn);
      });
    }
  });

  it("Parquet keeps tool calls and results in the message structs, tools as JSON text; both readers agree", async () => {
    const { jsonl, bytes } = await toolCampaign();
    for (const format of ["trl", "trl-implicit", "trl-kto", "openai-dpo"]) {
      const expected = await jsonl({ format });
      const parquet = (await bytes({ format, file: "parquet" })).bytes;
      const file = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer;
      const rows = (await parquetReadObjects({ file })).map((row) => {
        const out = withoutNulls(row) as Record<string, unknown>;
        if (typeof out.tools === "string") out.tools = JSON.parse(out.tools);
        if (typeof out.input === "string") out.input = JSON.parse(out.input);
        return out;
      });
      expect(rows).toEqual(expected);
      if (format.startsWith("trl")) {
        for (const row of rows) expectTrlRow(row);
        expect(fileFormatViolations(rows)).toEqual([]);
      }
      const { readParquet } = await import("parquet-wasm");
      const { tableFromIPC } = await import("apache-arrow");
      const table = tableFromIPC(readParquet(parquet).intoIPCStream());
      expect(withoutNulls(JSON.parse(JSON.stringify(table.toArray(), (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))))).toEqual(
        withoutNulls(rows.map((r) => ({ ...r, ...(r.tools ? { tools: JSON.stringify(r.tools) } : {}), ...(r.input ? { input: JSON.stringify(r.input) } : {}) }))),
      );
    }
  });
});
