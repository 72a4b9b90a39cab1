import { createHash } from "node:crypto";
import { z } from "zod";
import type { ImportProblem, ParsedRecord } from "./import-types";
import { readLines } from "./read-lines";

/** The same id rule as the native format, so ids survive a round trip through any format. */
export const externalIdSchema = z.union([z.string().min(1).max(200), z.number().int()]);

/**
 * Drives a one-JSON-object-per-line format: line problems and JSON syntax errors are reported
 * here, each parsed value goes to `parseRow`. One line in memory at a time.
 */
export async function* parseJsonRows(
  chunks: AsyncIterable<Uint8Array>,
  parseRow: (value: unknown, line: number, text: string) => ParsedRecord,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  for await (const entry of readLines(chunks, options)) {
    if ("problem" in entry) {
      yield { line: entry.line, problems: [entry.problem] };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(entry.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "invalid JSON";
      yield problemRecord(entry.line, null, `Not valid JSON: ${reason}`);
      continue;
    }
    yield parseRow(value, entry.line, entry.text);
  }
}

export function problemRecord(line: number, field: string | null, message: string): ParsedRecord {
  return { line, problems: [problem(line, field, message)] };
}

export function problem(line: number, field: string | null, message: string): ImportProblem {
  return { line, field, message };
}

/** Items without an id get one derived from their content, so re-importing them is a no-op. */
export function contentId(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}

export function externalIdOf(id: string | number | undefined, text: string): string {
  return id === undefined ? contentId(text) : String(id);
}

/** Columns a format does not know are kept, not dropped: they often carry margins or provenance. */
export function extraKeys(
  row: Record<string, unknown>,
  known: readonly string[],
): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!known.includes(key)) extras[key] = value;
  }
  return extras;
}

/** Zod's own wording for an absent key ("expected string, received undefined") reads like a type error. */
export function requiredAs(message: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? "This field is required" : message) };
}
