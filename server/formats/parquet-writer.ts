import { ByteWriter, ParquetWriter, type ColumnSource, type SchemaElement } from "hyparquet-writer";
import { isMessageList, isToolMessageList, messageListSchema, toolMessageCells } from "./parquet-messages";


/** `tool_messages`: message lists whose messages may carry tool calls (parquet-messages.ts); declared, never inferred. */
export type ParquetColumnType = "string" | "int" | "float" | "boolean" | "messages" | "tool_messages" | "json";

export interface ParquetColumn {
  name: string;
  type: ParquetColumnType;
}

export interface ParquetOptions {
  /** Columns in order (untyped ones inferred); default: the first row group's keys. */
  columns?: ReadonlyArray<string | { name: string; type?: ParquetColumnType }>;
  /** Rows per row group, and so the most rows ever buffered. Default 10,000. */
  rowGroupSize?: number;
  /** A group also closes at about this much text, so long responses keep the bound. 64 MiB. */
  maxRowGroupBytes?: number;
  /** Called once the schema is fixed, before any bytes: a dataset card needs it. */
  onColumns?: (columns: ParquetColumn[]) => void;
}

export const DEFAULT_ROW_GROUP_SIZE = 10_000;
export const DEFAULT_MAX_ROW_GROUP_BYTES = 64 * 1024 * 1024;

export class ParquetColumnError extends Error {}

/**
 * A ByteWriter that hands over its bytes whenever the Parquet writer finishes a row group.
 * hyparquet-writer calls `flush()` after each row group and tracks file offsets in `offset`,
 * separately from the buffer `index`, precisely so a sink can drain the buffer in between.
 */
class ChunkWriter extends ByteWriter {
  ready: Uint8Array[] = [];

  flush(): void {
    if (this.index === 0) return;
    // Hand the filled buffer over instead of copying it; the next one starts at the size the
    // last row group needed, so it rarely has to grow.
    this.ready.push(new Uint8Array(this.buffer, 0, this.index));
    this.buffer = new ArrayBuffer(Math.max(1024, this.index));
    this.view = new DataView(this.buffer);
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

/**
 * Rows to a Parquet file, streamed one row group at a time.
 *
 * Memory bound: the rows of one row group (at most `rowGroupSize` rows and roughly
 * `maxRowGroupBytes` of text), their column-wise copy and their encoded bytes, all released
 * once that group is yielded; plus the footer, which must list every row group and so grows
 * by one small column-chunk record (offsets, counts, 16-byte min/max) per column per group.
 *
 * Types: strings are UTF-8, booleans BOOLEAN, "int" INT64, "float" DOUBLE, message lists a
 * LIST of {role, content} structs (so `datasets` and TRL see conversations, not strings), declared
 * "tool_messages" the same with tool_calls / tool_call_id / name fields, and
 * other nested values JSON text in a string column. Inferred numbers are DOUBLE: every JS
 * number fits one exactly, and a later row group may hold fractions the first lacked —
 * declare "int" for integer columns.
 */
export async function* toParquet(
  rows: AsyncIterable<Record<string, unknown>>,
  options: ParquetOptions = {},
): AsyncGenerator<Uint8Array> {
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const maxBytes = options.maxRowGroupBytes ?? DEFAULT_MAX_ROW_GROUP_BYTES;
  if (!Number.isSafeInteger(rowGroupSize) || rowGroupSize < 1) {
    throw new RangeError(`rowGroupSize must be a positive integer, got ${rowGroupSize}`);
  }
  const sink = new ChunkWriter();
  let writer: ParquetWriter | undefined;
  let columns: ParquetColumn[] = [];
  let batch: Record<string, unknown>[] = [];
  let batchBytes = 0;
  let rowsBefore = 0;

  const start = (): ParquetWriter => {
    columns = resolveColumns(options.columns, batch);
    options.onColumns?.(columns);
    const schema: SchemaElement[] = parquetSchemaFor(columns);
    return new ParquetWriter({ writer: sink, schema, createdBy: "arbiter" });
  };

  const writeBatch = async (): Promise<Uint8Array[]> => {
    writer ??= start();
    const columnData: ColumnSource[] = columns.map((column) => ({
      name: column.name,
      data: batch.map((row, index) => encodeCell(column, row[column.name], rowsBefore + index)),
    }));
    const names = new Set(columns.map((c) => c.name));
    if (!options.columns) for (const row of batch) checkKnownKeys(row, names);
    await writer.write({ columnData, rowGroupSize: batch.length });
    rowsBefore += batch.length;
    batch = [];
    batchBytes = 0;
    return sink.ready.splice(0);
  };

  for await (const row of rows) {
    batch.push(row);
    batchBytes += approxBytes(row);
    if (batch.length >= rowGroupSize || batchBytes >= maxBytes) yield* await writeBatch();
  }
  if (batch.length > 0) yield* await writeBatch();
  writer ??= start();
  await writer.finish();
  yield* sink.ready.splice(0);
}

function resolveColumns(
  declared: ParquetOptions["columns"],
  sample: readonly Record<string, unknown>[],
): ParquetColumn[] {
  const specs: { name: string; type?: ParquetColumnType }[] = declared
    ? declared.map((c) => (typeof c === "string" ? { name: c } : c))
    : firstSeenKeys(sample).map((name) => ({ name }));
  const infer = (name: string) =>
    inferType(
      name,
      sample.map((row) => row[name]),
    );
  return specs.map(({ name, type }) => ({ name, type: type ?? infer(name) }));
}

function firstSeenKeys(rows: readonly Record<string, unknown>[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}

/**
 * One type for a column from the values of the first row group. Values of different kinds are
 * refused rather than turned into JSON, which would change the column's format depending on
 * whether the mix happens to fall in the first group; declare "json" to mean it. An empty
 * list fits a message list and any JSON list alike, so it does not vote.
 */
function inferType(name: string, values: readonly unknown[]): ParquetColumnType {
  const kinds = new Set<ParquetColumnType>();
  let emptyLists = false;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) emptyLists = true;
    else if (typeof value === "boolean") kinds.add("boolean");
    else if (typeof value === "number") kinds.add("float");
    else if (typeof value === "bigint") kinds.add("int");
    else if (typeof value === "string" || value instanceof Date) kinds.add("string");
    else if (isMessageList(value)) kinds.add("messages");
    else kinds.add("json");
  }
  if (kinds.size === 2 && kinds.has("int") && kinds.has("float")) return "float";
  const [only = emptyLists ? "json" : "string", other] = kinds;
  if (other === undefined) return only;
  throw new ParquetColumnError(`Column "${name}" mixes ${[...kinds].join(" and ")} values`);
}

function encodeCell(column: ParquetColumn, value: unknown, rowIndex: number): unknown {
  if (value === null || value === undefined) return null;
  const fail = (): never => {
    throw new ParquetColumnError(
      `Row ${rowIndex + 1}: column "${column.name}" is ${column.type} but holds ${describe(value)}`,
    );
  };
  switch (column.type) {
    case "string":
      if (value instanceof Date) return value.toISOString();
      return typeof value === "string" ? value : fail();
    case "int":
      if (typeof value === "bigint") return value;
      return Number.isSafeInteger(value) ? BigInt(value as number) : fail();
    case "float":
      return typeof value === "number" ? value : fail();
    case "boolean":
      return typeof value === "boolean" ? value : fail();
    case "messages":
      return isMessageList(value) ? value : fail();
    case "tool_messages":
      return isToolMessageList(value) ? toolMessageCells(value) : fail();
    case "json":
      return JSON.stringify(value);
  }
}

/**
 * Declared columns are a selection, so other keys are the caller's choice to drop; inferred
 * columns must cover every key, or data would be lost without a word.
 */
function checkKnownKeys(row: Record<string, unknown>, names: ReadonlySet<string>): void {
  const extra = Object.keys(row).find((key) => row[key] !== undefined && !names.has(key));
  if (extra === undefined) return;
  throw new ParquetColumnError(
    `Column "${extra}" first appears after the first row group; pass the columns`,
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A cheap size estimate (string lengths plus a few bytes per scalar) to cap a row group. */
function approxBytes(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (value === null || typeof value !== "object") return 8;
  const inner = Array.isArray(value) ? value : Object.values(value);
  return inner.reduce((total: number, item) => total + approxBytes(item), 8);
}

/**
 * Every column is OPTIONAL so a missing value is a null, not an error. Message lists use the
 * standard three-level LIST of a struct, which pyarrow and `datasets` read as [{role, content}].
 */
export function parquetSchemaFor(columns: readonly ParquetColumn[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }];
  for (const { name, type } of columns) {
    if (type === "messages" || type === "tool_messages") schema.push(...messageListSchema(name, type === "tool_messages"));
    else schema.push({ name, repetition_type: "OPTIONAL", ...PRIMITIVES[type] });
  }
  return schema;
}

const PRIMITIVES: Record<Exclude<ParquetColumnType, "messages" | "tool_messages">, Omit<SchemaElement, "name">> = {
  string: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  // JSON text in a plain string column: pyarrow ≥ 19 turns the JSON annotation into an
  // `arrow.json` extension type that other tools (e.g. `datasets` features) may not know.
  json: { type: "BYTE_ARRAY", converted_type: "UTF8" },
  int: { type: "INT64" },
  float: { type: "DOUBLE" },
  boolean: { type: "BOOLEAN" },
};
