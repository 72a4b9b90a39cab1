import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import {
  ParquetColumnError,
  toParquet,
  type ParquetColumn,
  type ParquetOptions,
} from "@/server/formats/parquet-writer";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { toTrlImplicitRow } from "@/server/formats/trl-implicit";
import { toTrlKtoRows } from "@/server/formats/trl-kto";
import { JUDGEMENT_COLUMNS, toJudgementRow } from "@/server/formats/judgement-row";
import { RANKINGS_COLUMNS, toRankingsRow } from "@/server/formats/rankings-row";
import { ratingsColumns, toRatingsRows } from "@/server/formats/ratings-row";
import {
  allPairs,
  collect,
  concatBytes,
  fromArray,
  rankedConversation,
  rankedItem,
  ranking,
  toArrayBuffer,
} from "./fixtures";

async function write(rows: Record<string, unknown>[], options?: ParquetOptions) {
  const chunks = await collect(toParquet(fromArray(rows), options));
  const bytes = concatBytes(chunks);
  return { chunks, bytes, file: toArrayBuffer(bytes) };
}

const magic = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** hyparquet reads INT64 as bigint; the rows we wrote had numbers. */
function numbersFromBigints(rows: Record<string, unknown>[]) {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]),
    ),
  );
}

describe("toParquet", () => {
  it("writes a file framed by PAR1 that reads back as the same rows", async () => {
    const rows = allPairs.map((pair) => toTrlExplicitRow(pair));
    const standard = rows.filter((row) => typeof row.prompt === "string");
    for (const sample of [standard, rows.filter((row) => typeof row.prompt !== "string")]) {
      const { bytes, file } = await write(sample);
      expect(magic(bytes.subarray(0, 4))).toBe("PAR1");
      expect(magic(bytes.subarray(-4))).toBe("PAR1");
      const back = await parquetReadObjects({ file });
      // Absent optional columns read back as null.
      const expected = sample.map((row) => ({
        margin: null,
        group_id: null,
        weight: null,
        ...row,
      }));
      expect(back).toEqual(expected.map((row) => ({ ...row })));
    }
  });

  it("types booleans, ints, floats, strings, message lists and JSON", async () => {
    let columns: ParquetColumn[] = [];
    const rows = [
      {
        label: true,
        n: 1,
        x: 0.5,
        s: "é😀",
        m: [{ role: "user", content: "hi" }],
        j: { a: [1, 2] },
      },
      { label: false, n: 2, x: 2, s: "", m: [], j: "text" },
    ];
    const { file } = await write(rows, {
      columns: ["label", { name: "n", type: "int" }, "x", "s", "m", { name: "j", type: "json" }],
      onColumns: (c) => (columns = c),
    });
    expect(columns.map((c) => c.type)).toEqual([
      "boolean",
      "int",
      "float",
      "string",
      "messages",
      "json",
    ]);
    const schema = parquetMetadata(file).schema;
    expect(schema.find((e) => e.name === "n")?.type).toBe("INT64");
    expect(schema.find((e) => e.name === "x")?.type).toBe("DOUBLE");
    expect(schema.find((e) => e.name === "m")?.converted_type).toBe("LIST");
    const back = numbersFromBigints(await parquetReadObjects({ file }));
    // JSON columns are JSON text in a plain string column.
    expect(back.map((row) => ({ ...row, j: JSON.parse(String(row.j)) }))).toEqual(rows);
    expect(schema.find((e) => e.name === "j")?.converted_type).toBe("UTF8");
  });

  it("streams one row group per chunk and never more rows than the group size", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      i,
      text: `row ${i}`,
      flag: i % 2 === 0,
    }));
    const { chunks, file } = await write(rows, { rowGroupSize: 1000 });
    // One chunk per group (the first carries the header), then the footer.
    expect(chunks).toHaveLength(4);
    const meta = parquetMetadata(file);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([1000, 1000, 500]);
    expect(await parquetReadObjects({ file })).toEqual(rows);
  });

  it("yields a row group before the source has been read to the end", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield { i };
      }
    }
    const iterator = toParquet(source(), { rowGroupSize: 10 })[Symbol.asyncIterator]();
    await iterator.next();
    expect(pulled).toBeLessThanOrEqual(11);
    await iterator.return(undefined);
  });

  it("closes a row group early when its rows hold too much text", async () => {
    const rows = Array.from({ length: 10 }, () => ({ text: "x".repeat(1000) }));
    const { file } = await write(rows, { maxRowGroupBytes: 3000 });
    expect(parquetMetadata(file).row_groups.map((g) => Number(g.num_rows))).toEqual([3, 3, 3, 1]);
  });

  it("writes every TRL shape, including KTO booleans and implicit conversations", async () => {
    const kto = allPairs
      .flatMap((pair) => toTrlKtoRows(pair))
      .filter((r) => typeof r.prompt === "string");
    const implicit = allPairs
      .map((pair) => toTrlImplicitRow(pair))
      .filter((r) => Array.isArray(r.chosen));
    const samples: Record<string, unknown>[][] = [kto, implicit];
    for (const sample of samples) {
      const { file } = await write(sample);
      const back = await parquetReadObjects({ file });
      expect(
        back.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null))),
      ).toEqual(sample);
    }
  });

  it("writes a valid empty file with the declared columns", async () => {
    const { bytes, file } = await write([], { columns: [{ name: "prompt", type: "string" }] });
    expect(magic(bytes.subarray(0, 4))).toBe("PAR1");
    expect(parquetMetadata(file).schema.map((e) => e.name)).toEqual(["root", "prompt"]);
    expect(await parquetReadObjects({ file })).toEqual([]);
  });

  it("refuses values that do not fit the column, and columns that appear late", async () => {
    await expect(write([{ a: "x" }, { a: 1 }], { rowGroupSize: 1 })).rejects.toThrow(
      ParquetColumnError,
    );
    await expect(write([{ a: 1 }, { a: 1, b: 2 }], { rowGroupSize: 1 })).rejects.toThrow(
      ParquetColumnError,
    );
    await expect(write([{ a: 1.5 }], { columns: [{ name: "a", type: "int" }] })).rejects.toThrow(
      ParquetColumnError,
    );
  });

  it("writes rankings, ratings and judgements rows with their integer columns", async () => {
    const rankingsRow = toRankingsRow(rankedItem, ranking);
    const { file } = await write([rankingsRow], { columns: RANKINGS_COLUMNS });
    const [back] = numbersFromBigints(await parquetReadObjects({ file }));
    expect({ ...back, answers: JSON.parse(String(back?.answers)) }).toEqual(rankingsRow);

    const ratings = toRatingsRows(rankedItem, ["helpfulness"], [{ "r-a": { helpfulness: 4 } }]);
    const rated = await write(ratings, { columns: ratingsColumns(["helpfulness"]) });
    expect(numbersFromBigints(await parquetReadObjects({ file: rated.file }))).toEqual(ratings);
    const schema = parquetMetadata(rated.file).schema;
    expect(schema.find((e) => e.name === "helpfulness_count")?.type).toBe("INT64");

    const judgement = toJudgementRow({
      judgement: {
        id: "j",
        itemId: "i",
        assignmentId: "a",
        annotatorId: "u",
        payload: { ranking: [["r1"], ["r2"]] },
        displayOrder: ["r2", "r1"],
        guidelineVersion: 1,
        templateVersion: 2,
        shownAt: null,
        submittedAt: new Date(0),
        activeMs: 1234,
        revisionOf: null,
        suggestionShown: true,
        agreedWithSuggestion: null,
      },
      item: { id: "i", externalId: "e" },
      responses: [],
      annotatorSalt: "salt",
    });
    const judged = await write([judgement], { columns: JUDGEMENT_COLUMNS });
    const [row] = numbersFromBigints(await parquetReadObjects({ file: judged.file }));
    expect(row).toMatchObject({
      active_ms: 1234,
      template_version: 2,
      shown_at: null,
      suggestion_shown: true,
      agreed_with_suggestion: null,
    });
    expect(JSON.parse(String(row?.payload))).toEqual(judgement.payload);
  });

  it("refuses a text prompt and a conversation in one column, in one group or across two", async () => {
    const rows = [toRankingsRow(rankedItem, ranking), toRankingsRow(rankedConversation, ranking)];
    for (const rowGroupSize of [1, 10]) {
      await expect(write(rows, { rowGroupSize })).rejects.toThrow(ParquetColumnError);
    }
  });
});
