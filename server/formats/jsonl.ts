/** One JSON document per line; JSON.stringify escapes controls, so lines stay lines. */
export async function* toJsonl(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

/** A batch of rows as JSONL text, built as one string so it is encoded in one go. */
export function jsonlText(rows: readonly unknown[]): string {
  let text = "";
  for (const row of rows) text += `${JSON.stringify(row)}\n`;
  return text;
}
