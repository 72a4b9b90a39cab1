import type { ImportProblem } from "./import-types";

export interface Line {
  line: number;
  text: string;
}
export type LineOrProblem = Line | { line: number; problem: ImportProblem };

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Splits a byte stream into lines without ever holding more than one line. UTF-8 is decoded per
 * line (a newline byte never occurs inside a multi-byte character, so characters split across
 * chunks are rejoined), which lets invalid UTF-8 be reported with its line number. A leading BOM
 * and CRLF endings are accepted; empty lines are skipped; NUL bytes and over-long lines are
 * reported, never buffered whole.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<LineOrProblem> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let parts: Uint8Array[] = [];
  let size = 0;
  let lineNumber = 1;
  let overlong = false;

  function* finish(): Generator<LineOrProblem> {
    const number = lineNumber++;
    if (overlong) {
      overlong = false;
      yield problem(number, `Line is longer than ${formatBytes(maxLineBytes)}`);
      return;
    }
    let bytes = concat(parts, size);
    parts = [];
    size = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    if (bytes.length === 0) return;
    if (bytes.includes(0)) {
      yield problem(number, "Line contains a NUL byte");
      return;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      yield problem(number, "Line is not valid UTF-8");
      return;
    }
    if (text.trim() === "") return;
    yield { line: number, text };
  }

  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!overlong) {
        if (size + (end - start) > maxLineBytes) {
          overlong = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (newline === -1) break;
      yield* finish();
      start = newline + 1;
    }
  }
  if (size > 0 || overlong) yield* finish();
}

function problem(line: number, message: string): LineOrProblem {
  return { line, problem: { line, field: null, message } };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
