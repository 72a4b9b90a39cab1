import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CsvColumnError, toCsv } from "@/server/formats/csv-writer";
import { toTrlExplicitRow } from "@/server/formats/trl";
import { collect, conversationalPair, fromArray } from "./fixtures";

async function csvOf(rows: Record<string, unknown>[], columns?: string[]): Promise<string> {
  return (await collect(toCsv(fromArray(rows), columns))).join("");
}

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n" });
  expect(result.errors).toEqual([]);
  return result.data.filter((row) => !(row.length === 1 && row[0] === ""));
}

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks so a parser gets the same text back", async () => {
    const tricky = ["a, b", 'say "hi"', "line 1\nline 2", "cr\r\nlf", "plain", "émoji 😀", ""];
    const text = await csvOf(tricky.map((value, i) => ({ id: i, value })));
    expect(parse(text)).toEqual([["id", "value"], ...tricky.map((value, i) => [String(i), value])]);
  });

  it("ends every line with CRLF and starts with the header", async () => {
    const text = await csvOf([{ a: 1, b: true }]);
    expect(text).toBe("a,b\r\n1,true\r\n");
  });

  it("prefixes cells that a spreadsheet would evaluate", async () => {
    const dangerous = [
      "=1+1",
      "+SUM(A1)",
      "-2+3",
      "@cmd",
      "\tTab",
      "\rCR",
      '=HYPERLINK("x")',
      " =1+1",
      "  @SUM(A1)",
      "\u00a0-2+3",
      "\u3000+1",
      "\n=1+1",
      "＝HYPERLINK(\"x\")",
      "＋1",
      "－1",
      "＠cmd",
      " ＝1",
    ];
    const text = await csvOf(dangerous.map((value) => ({ value })));
    const cells = parse(text)
      .slice(1)
      .map(([cell]) => cell);
    expect(cells).toEqual(dangerous.map((value) => `'${value}`));
    for (const cell of cells) expect(cell?.[0]).toBe("'");
  });

  it("leaves numbers (negative ones too) and harmless text alone", async () => {
    const text = await csvOf([{ margin: -0.5, text: "a=b", other: "1-2", spaced: " a = b", wide: "ａ＝ｂ" }]);
    expect(parse(text)[1]).toEqual(["-0.5", "a=b", "1-2", " a = b", "ａ＝ｂ"]);
  });

  it("JSON-encodes nested values, whose text opens with a bracket and so is never a formula", async () => {
    const row = toTrlExplicitRow(conversationalPair);
    const [header, cells] = parse(await csvOf([row]));
    expect(header).toEqual(["prompt", "chosen", "rejected"]);
    expect(JSON.parse(cells?.[0] ?? "")).toEqual(conversationalPair.prompt);
    const [, formulaJson] = parse(await csvOf([{ v: "=x" }, { v: ["=x"] }]))
      .slice(1)
      .map(([c]) => c);
    expect(formulaJson).toBe('["=x"]');
  });

  it("uses the given columns in order, leaving missing values empty", async () => {
    const text = await csvOf([{ b: 2, a: 1, extra: "dropped" }, { a: null }], ["a", "b"]);
    expect(text).toBe("a,b\r\n1,2\r\n,\r\n");
    expect(await csvOf([], ["a", "b"])).toBe("a,b\r\n");
  });

  it("refuses a later row with a column the header lacks, rather than losing it", async () => {
    await expect(csvOf([{ a: 1 }, { a: 2, margin: 1 }])).rejects.toThrow(CsvColumnError);
  });

  it("defuses header names too", async () => {
    expect(await csvOf([{ "=x": 1 }])).toBe("'=x\r\n1\r\n");
  });
});
