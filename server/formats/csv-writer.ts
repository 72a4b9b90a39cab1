export class CsvColumnError extends Error {}

/**
 * Rows to RFC 4180 CSV, one string per line (CRLF endings, header first).
 *
 * The header is the given columns, else the first row's keys. Given columns are a selection,
 * so other keys are dropped; without them a later row with a key the header lacks is an
 * error, because silently losing a column would corrupt the dataset. Missing values and nulls
 * are empty cells; objects and arrays (message lists, payloads) are JSON.
 *
 * Cells are formula-safe (OWASP "CSV injection"): text starting with `=`, `+`, `-`, `@` (or
 * their full-width forms `＝ ＋ － ＠`, which some spreadsheets read as the same), also after
 * leading whitespace, or with TAB or CR, gets a leading `'`, so a spreadsheet shows it
 * instead of evaluating it. Numbers and
 * booleans are left alone: they come from our own typed fields, not from annotators or
 * imported text, and "-0.5" evaluated as a formula is still -0.5, while a prefix would turn
 * every negative number into text.
 */
export async function* toCsv(
  rows: AsyncIterable<Record<string, unknown>>,
  columns?: readonly string[],
): AsyncGenerator<string> {
  let header: readonly string[] | undefined = columns;
  let known: Set<string> | undefined;
  if (header) yield headerLine(header);
  for await (const row of rows) {
    if (!header) {
      header = Object.keys(row);
      yield headerLine(header);
    }
    if (!columns) {
      known ??= new Set(header);
      for (const key of Object.keys(row)) {
        if (row[key] !== undefined && !known.has(key)) {
          throw new CsvColumnError(
            `Column "${key}" is not in the header; pass the columns explicitly`,
          );
        }
      }
    }
    yield line(header.map((name) => cellText(row[name])));
  }
}

/** Column names can come from configuration (rating attributes), so they are defused too. */
function headerLine(names: readonly string[]): string {
  return line(names.map(defuseFormula));
}

function line(cells: readonly string[]): string {
  return `${cells.map(quote).join(",")}\r\n`;
}

/** The text of one cell, already formula-safe but not yet quoted. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return defuseFormula(text);
}

/** Spreadsheets skip leading spaces (any Unicode space) before a formula sign. */
const FORMULA_START = /^[\t\r]|^[\s\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a quote, comma or line break, doubling inner quotes. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
