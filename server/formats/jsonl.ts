/** One JSON document per line; JSON.stringify escapes U+2028/2029 and controls, so lines stay lines. */
export async function* toJsonl(rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}
