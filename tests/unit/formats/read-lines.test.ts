import { describe, expect, it } from "vitest";
import { readLines, type LineOrProblem } from "@/server/formats/read-lines";
import { bytesOf, chunked } from "./stream-helpers";

async function lines(bytes: Uint8Array, chunkSize = 3, maxLineBytes?: number): Promise<LineOrProblem[]> {
  const out: LineOrProblem[] = [];
  for await (const entry of readLines(chunked(bytes, chunkSize), { maxLineBytes })) out.push(entry);
  return out;
}

describe("readLines", () => {
  it("splits LF and CRLF lines, strips a leading BOM and skips blank lines, keeping line numbers", async () => {
    const result = await lines(bytesOf("\uFEFFfirst\r\n\r\nsecond\n   \nthird"));
    expect(result).toEqual([
      { line: 1, text: "first" },
      { line: 3, text: "second" },
      { line: 5, text: "third" },
    ]);
  });

  it("rejoins multi-byte characters split across chunks", async () => {
    const text = "héllo 👋 “quotes” 日本語";
    for (const size of [1, 2, 5]) {
      expect(await lines(bytesOf(`${text}\n${text}`), size)).toEqual([
        { line: 1, text },
        { line: 2, text },
      ]);
    }
  });

  it("reports invalid UTF-8 and NUL bytes on their own lines and goes on", async () => {
    const bytes = new Uint8Array([...bytesOf("ok\n"), 0xff, 0xfe, 0x0a, ...bytesOf("a\u0000b\nlast")]);
    const result = await lines(bytes, 2);
    expect(result).toEqual([
      { line: 1, text: "ok" },
      { line: 2, problem: { line: 2, field: null, message: "Line is not valid UTF-8" } },
      { line: 3, problem: { line: 3, field: null, message: "Line contains a NUL byte" } },
      { line: 4, text: "last" },
    ]);
  });

  it("reports an over-long line without holding it, then reads the next", async () => {
    const long = "x".repeat(5000);
    const result = await lines(bytesOf(`short\n${long}\nafter`), 512, 1024);
    expect(result[0]).toEqual({ line: 1, text: "short" });
    expect(result[1]).toMatchObject({ line: 2, problem: { message: expect.stringContaining("longer than") } });
    expect(result[2]).toEqual({ line: 3, text: "after" });
  });
});
