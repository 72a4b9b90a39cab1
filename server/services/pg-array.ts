/**
 * A Postgres array literal (NULL for null), passed as one string parameter: both drivers send
 * it as is, and a cast in the statement (`::text[]`, `::uuid[]`) gives it its element type. One
 * parameter per column instead of one per value keeps bulk statements cheap to build and bind.
 */
export function pgArray(values: (string | null)[]): string {
  const parts = values.map((v) => (v === null ? "NULL" : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`));
  return `{${parts.join(",")}}`;
}
