/**
 * A batch of rows as JSONL text, built as one string so it is encoded in one go. One JSON
 * document per line: JSON.stringify escapes control characters, so lines stay lines.
 */
export function jsonlText(rows: readonly unknown[]): string {
  let text = "";
  for (const row of rows) text += `${JSON.stringify(row)}\n`;
  return text;
}
