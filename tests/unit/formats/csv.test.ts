import { describe, expect, it } from "vitest";
import { parseCsv } from "@/server/formats/csv-import";
import {
  bytesOf,
  collect,
  chunked,
  fixture,
  itemsOf,
  parseAllWays,
  problemsOf,
} from "./stream-helpers";

const hashId = expect.stringMatching(/^sha256:[0-9a-f]{32}$/);
const response = (externalId: string, content: string, model: string | null = null) => ({
  externalId,
  model,
  contentKind: "text",
  content,
});
const where = (records: Awaited<ReturnType<typeof parseAllWays>>) =>
  problemsOf(records).map(({ line, field }) => ({ line, field }));

describe("CSV import", () => {
  it("imports pairs with a BOM, CRLF, quoted newlines and quotes, emoji and empty cells", async () => {
    const records = await parseAllWays(parseCsv, fixture("pairs.csv"));
    expect(problemsOf(records)).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 4, 5, 7]);
    const [summary, sums, nice, dash] = itemsOf(records);
    expect(summary).toEqual({
      externalId: "pair-1",
      prompt: [{ role: "user", content: 'Summarise: "The quick brown fox"' }],
      promptFormat: "text",
      responses: [
        response("a", "A fox, quick and brown, jumps.\r\nThat is all.", "gpt-4o"),
        response("b", "A dog.", "llama-3-8b"),
      ],
      metadata: {},
    });
    expect(nice?.responses).toEqual([
      response("a", "You’re doing “great”!", "model-x"),
      response("b", "", "model-y"),
    ]);
    // Spreadsheet formulas and sign-prefixed text are data, kept exactly as written.
    expect(sums?.responses).toEqual([response("a", "=SUM(2;2)"), response("b", "+4")]);
    expect(dash?.prompt).toEqual([{ role: "user", content: "-1 or @cmd?" }]);
    expect(dash?.responses.map((r) => r.content)).toEqual(["-1", "@cmd"]);
  });

  it("imports K-wise rows with numbered responses and models", async () => {
    const records = await parseAllWays(parseCsv, fixture("ranking.csv"));
    expect(problemsOf(records)).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 5]);
    const [haiku, greeting] = itemsOf(records);
    expect(haiku).toEqual({
      externalId: "rank-1",
      prompt: [{ role: "user", content: "Rank these haiku about the sea 🌊" }],
      promptFormat: "text",
      responses: [
        response(
          "1",
          "Waves fold into foam\nsalt wind hums an old promise\nthe tide keeps its word",
          "m1",
        ),
        response("2", "The sea is big.", "m2"),
        response("3", "Blue, blue, blue", "m3"),
        response("4", "", "m4"),
      ],
      metadata: {},
    });
    expect(greeting?.externalId).toEqual(hashId);
    expect(greeting?.responses.map((r) => r.content)).toEqual([
      "Hello!",
      "Hi",
      'Hey "you"',
      "Good morning ☀️",
    ]);
  });

  it("names the line a bad record starts on, counting the newlines inside quoted cells", async () => {
    const records = await parseAllWays(parseCsv, fixture("pairs-bad.csv"));
    expect(where(records)).toEqual([
      { line: 5, field: null },
      { line: 8, field: null },
    ]);
    expect(problemsOf(records)[0]?.message).toBe("Row has 2 cells, but the header has 3 columns");
    expect(itemsOf(records).map((item) => item.prompt[0]?.content)).toEqual([
      "A prompt that\nspans three\nlines",
      'another\n"multi-line" prompt',
      "ok",
    ]);
  });

  it("reports unknown and inconsistent header columns on line 1, by column name", async () => {
    const header =
      "prompt,response_a,response_b,Score,response_10,model_c,response_a\nx,a,b,1,2,3,4\ny,a\n";
    const records = await parseAllWays(parseCsv, bytesOf(header));
    expect(where(records)).toEqual([
      { line: 1, field: "Score" },
      { line: 1, field: "response_10" },
      { line: 1, field: "model_c" },
      { line: 1, field: "response_a" },
      { line: 3, field: null },
    ]);
    expect(problemsOf(records)[0]?.message).toMatch(/^Unknown column "Score"/);

    const gaps = await parseAllWays(
      parseCsv,
      bytesOf("prompt,response_1,response_3,model_2,response_b\n"),
    );
    expect(where(gaps)).toEqual([
      { line: 1, field: null },
      { line: 1, field: "model_2" },
    ]);
    const missing = await parseAllWays(parseCsv, bytesOf("id,response_1,response_3,model_2\n"));
    expect(where(missing)).toEqual([
      { line: 1, field: "prompt" },
      { line: 1, field: "response_2" },
    ]);
  });

  it("reports NUL bytes, invalid UTF-8 and unclosed quotes on their record, and keeps going", async () => {
    const bytes = new Uint8Array([
      ...bytesOf(
        'prompt,response_a,response_b\nfirst,a,b\nnul\0here,a,b\n"multi\nline ünï",a,b\nbad ',
      ),
      0xff,
      0xc3,
      ...bytesOf(',a,b\nlast,ä,😀\n"never closed,a,b\nstill,inside,it\n'),
    ]);
    const records = await parseAllWays(parseCsv, bytes);
    expect(problemsOf(records)).toEqual([
      { line: 3, field: null, message: "Record contains a NUL byte" },
      { line: 6, field: null, message: "Record is not valid UTF-8" },
      { line: 8, field: null, message: "A quoted field is never closed" },
    ]);
    expect(itemsOf(records).map((item) => item.responses.map((r) => r.content))).toEqual([
      ["a", "b"],
      ["a", "b"],
      ["ä", "😀"],
    ]);
  });

  it("reports a truncated UTF-8 character at the end of the file", async () => {
    const bytes = new Uint8Array([...bytesOf("prompt,response_a,response_b\nx,y,z"), 0xe2, 0x82]);
    expect(problemsOf(await parseAllWays(parseCsv, bytes))).toEqual([
      { line: 2, field: null, message: "Record is not valid UTF-8" },
    ]);
  });

  it("rejects an over-long record without holding it, then parses the rest", async () => {
    const long = "x".repeat(5000);
    const input = bytesOf(`prompt,response_a,response_b\n"${long}\n${long}",a,b\nok,a,b\n`);
    const records = await collect(parseCsv(chunked(input, 512), { maxRecordBytes: 4096 }));
    expect(problemsOf(records)).toEqual([
      { line: 2, field: null, message: "Record is longer than 4 kB" },
    ]);
    expect(itemsOf(records).map((item) => item.prompt[0]?.content)).toEqual(["ok"]);
  });

  it("reports an empty prompt and skips blank rows", async () => {
    const records = await parseAllWays(
      parseCsv,
      bytesOf("prompt,response_a,response_b\n\n,,\n ,a,b\nq,,\n"),
    );
    expect(where(records)).toEqual([{ line: 4, field: "prompt" }]);
    expect(itemsOf(records).map((item) => item.responses.map((r) => r.content))).toEqual([
      ["", ""],
    ]);
  });

  it("imports very long cells with multi-byte text", async () => {
    const long = "Ünïcödé “quotes”, commas and\nnewlines 🎉 ".repeat(10_000);
    const input = bytesOf(`prompt,response_a,response_b\n"${long}",short,"${long}"\n`);
    const [item] = itemsOf(await parseAllWays(parseCsv, input, [4093, 65_536]));
    expect(item?.prompt[0]?.content).toBe(long);
    expect(item?.responses[1]?.content).toBe(long);
  });
});
