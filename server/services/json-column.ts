/**
 * A json/jsonb value read through raw SQL. node-postgres and PGlite both hand these over
 * parsed; text (a driver configured not to parse) is parsed here, so callers never care.
 */
export function jsonColumn(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : (value ?? null);
}
