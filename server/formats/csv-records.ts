import { Buffer } from "node:buffer";
import Papa from "papaparse";
import { formatBytes } from "./read-lines";

export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** One CSV record: its cells, or why it has none. `line` is the physical line it starts on. */
export type CsvRecord = { line: number; cells: string[] } | { line: number; message: string };

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const NUL = 0;
const REPLACEMENT = 0xfffd;

// Scanner states: at a field's start, inside an unquoted field, inside quotes, just after a quote inside quotes.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

/**
 * Streams CSV records. Papaparse splits a record into cells, but only after this finds where the
 * record ends: a quoted newline moves every later record down a line, and the line a problem
 * names must be the one a person sees in their editor. Finding the end first also bounds memory
 * per record (an unclosed quote would otherwise swallow the rest of the file) and pins NUL bytes
 * and bad UTF-8 to a record. Quotes follow RFC 4180 as papaparse reads it: a quote opens a field
 * only at its start, and `""` inside quotes is a literal quote.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxRecordBytes?: number } = {},
): AsyncGenerator<CsvRecord> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  // The lenient decoder produces the text; the strict one only tells which chunks held bad bytes,
  // where a U+FFFD is a replaced byte rather than (almost surely) a real character.
  const decoder = new TextDecoder("utf-8");
  let strict = new TextDecoder("utf-8", { fatal: true });
  let state: number = FIELD_START;
  let parts: string[] = [];
  let bytes = 0;
  let line = 1;
  let startLine = 1;
  let tooLong = false;
  let flaw: string | null = null;

  function keep(piece: string) {
    if (piece.length === 0 || tooLong) return;
    bytes += Buffer.byteLength(piece);
    tooLong = bytes > maxRecordBytes;
    if (tooLong) parts = [];
    else parts.push(piece);
  }

  function finish(): CsvRecord | null {
    const message = tooLong ? `Record is longer than ${formatBytes(maxRecordBytes)}` : flaw;
    const record =
      message === null ? splitCells(parts.join(""), startLine) : { line: startLine, message };
    parts = [];
    bytes = 0;
    tooLong = false;
    flaw = null;
    state = FIELD_START;
    startLine = line;
    return record;
  }

  function* scan(text: string, suspicious: boolean): Generator<CsvRecord> {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === NUL) flaw ??= "Record contains a NUL byte";
      else if (code === REPLACEMENT && suspicious) flaw ??= "Record is not valid UTF-8";
      if (state === QUOTED) {
        if (code === QUOTE) state = QUOTE_IN_QUOTED;
      } else if (state === QUOTE_IN_QUOTED && code === QUOTE) {
        state = QUOTED;
      } else if (code === NEWLINE) {
        keep(text.slice(from, i));
        from = i + 1;
        line++;
        const record = finish();
        if (record) yield record;
        continue;
      } else if (code === COMMA) {
        state = FIELD_START;
      } else {
        state = state === FIELD_START && code === QUOTE ? QUOTED : UNQUOTED;
      }
      if (code === NEWLINE) line++;
    }
    keep(text.slice(from));
  }

  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    yield* scan(text, !strictlyValid(chunk, false));
  }
  const suspicious = !strictlyValid(new Uint8Array(0), true);
  yield* scan(decoder.decode(), suspicious);
  if (parts.length > 0 || tooLong || flaw !== null) {
    const record = finish();
    if (record) yield record;
  }

  function strictlyValid(chunk: Uint8Array, last: boolean): boolean {
    try {
      strict.decode(chunk, { stream: !last });
      return true;
    } catch {
      // A decoder that has thrown may keep a half-read sequence; a fresh one keeps the rest honest.
      strict = new TextDecoder("utf-8", { fatal: true });
      return false;
    }
  }
}

const PAPA_ERRORS: Record<string, string> = {
  MissingQuotes: "A quoted field is never closed",
  InvalidQuotes: 'A quoted field has a stray quote; write a quote inside quotes as ""',
};

/** Blank lines yield null; CRLF endings are handled here since the scanner splits on LF alone. */
function splitCells(raw: string, line: number): CsvRecord | null {
  const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (text.trim() === "") return null;
  const result = Papa.parse<string[]>(text, {
    delimiter: ",",
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const error = result.errors[0];
  if (error) return { line, message: PAPA_ERRORS[error.code] ?? error.message };
  const [cells, extra] = result.data;
  if (!cells || extra) return { line, message: "Record could not be split into cells" };
  return { line, cells };
}
