import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportedItem, ImportProblem, ParsedRecord } from "@/server/formats/import-types";

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, "../../fixtures/import", name)));
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Feeds bytes in fixed-size chunks, so multi-byte characters straddle chunk boundaries. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size);
}

export async function collect(records: AsyncIterable<ParsedRecord>): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

export function itemsOf(records: ParsedRecord[]): ImportedItem[] {
  return records.flatMap((r) => ("item" in r ? [r.item] : []));
}

export function problemsOf(records: ParsedRecord[]): ImportProblem[] {
  return records.flatMap((r) => ("problems" in r ? r.problems : []));
}

/** Parses the same bytes with several chunk sizes and checks every size gives the same result. */
export async function parseAllWays(
  parse: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<ParsedRecord>,
  bytes: Uint8Array,
  sizes: number[] = [1, 2, 3, 7, 64],
): Promise<ParsedRecord[]> {
  const whole = await collect(parse(chunked(bytes, Math.max(bytes.length, 1))));
  for (const size of sizes) {
    const again = await collect(parse(chunked(bytes, size)));
    if (JSON.stringify(again) !== JSON.stringify(whole)) {
      throw new Error(`Parsing in ${size}-byte chunks differs from parsing the whole input`);
    }
  }
  return whole;
}
