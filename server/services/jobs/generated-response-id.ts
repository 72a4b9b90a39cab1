import { sql } from "drizzle-orm";

/**
 * The external id of a generated response: one per (endpoint, sample) of an item. With the
 * responses' unique (item, external id) key it makes generation idempotent: a task retried after
 * a lost lease, or a second job over the same slots, can never add a duplicate response.
 */
export const generatedResponseId = {
  of: (endpointId: string, sample: number) => `gen:${endpointId}:${sample}`,
  /** The same rule in SQL, over columns `e.id` and `s.sample` of the planning query. */
  sql: sql.raw(`'gen:' || e.id::text || ':' || s.sample::text`),
};
