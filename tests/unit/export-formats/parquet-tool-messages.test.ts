import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { hfFeature } from "@/server/formats/hf-dataset-zip";
import { ParquetColumnError, toParquet, type ParquetOptions } from "@/server/formats/parquet-writer";
import { collect, concatBytes, fromArray, toArrayBuffer } from "./fixtures";

async function write(rows: Record<string, unknown>[], options?: ParquetOptions) {
  const bytes = concatBytes(await collect(toParquet(fromArray(rows), options)));
  return toArrayBuffer(bytes);
}

const call = { id: "c1", type: "function", function: { name: "weather", arguments: '{"city":"Oslo"}' } };
const toolTurn = [
  { role: "assistant", content: "", tool_calls: [call] },
  { role: "tool", tool_call_id: "c1", content: '{"temp": -3}' },
  { role: "assistant", content: "Cold." },
];
const columns: ParquetOptions["columns"] = [{ name: "chosen", type: "tool_messages" }];

describe("tool_messages Parquet columns", () => {
  it("store tool calls, results and plain messages in one struct, every field on every message", async () => {
    const file = await write([{ chosen: toolTurn }, { chosen: [{ role: "assistant", content: "Plain." }] }], { columns, rowGroupSize: 1 });
    const rows = await parquetReadObjects({ file });
    const none = { tool_calls: null, tool_call_id: null, name: null };
    expect(rows).toEqual([
      {
        chosen: [
          { role: "assistant", content: "", tool_calls: [call], tool_call_id: null, name: null },
          { role: "tool", content: '{"temp": -3}', tool_calls: null, tool_call_id: "c1", name: null },
          { role: "assistant", content: "Cold.", ...none },
        ],
      },
      { chosen: [{ role: "assistant", content: "Plain.", ...none }] },
    ]);
    const names = parquetMetadata(file).schema.map((e) => e.name);
    expect(names).toEqual(["root", "chosen", "list", "element", "role", "content", "tool_calls", "list", "element", "id", "type", "function", "name", "arguments", "tool_call_id", "name"]);
  });

  it("refuse what does not fit the struct rather than drop it", async () => {
    for (const chosen of [[{ role: "assistant", content: [{ type: "text", text: "parts" }] }], [{ role: "assistant", content: "x", extra: 1 }], [{ role: "assistant", content: "", tool_calls: [{ id: "c" }] }]]) {
      await expect(write([{ chosen }], { columns })).rejects.toThrow(ParquetColumnError);
    }
  });

  it("are described to `datasets` as lists of messages with their tool fields", () => {
    expect(hfFeature({ name: "chosen", type: "tool_messages" })).toEqual({
      name: "chosen",
      list: [
        { name: "role", dtype: "string" },
        { name: "content", dtype: "string" },
        {
          name: "tool_calls",
          list: [
            { name: "id", dtype: "string" },
            { name: "type", dtype: "string" },
            { name: "function", struct: [{ name: "name", dtype: "string" }, { name: "arguments", dtype: "string" }] },
          ],
        },
        { name: "tool_call_id", dtype: "string" },
        { name: "name", dtype: "string" },
      ],
    });
  });
});
