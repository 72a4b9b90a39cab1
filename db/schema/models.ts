import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { GenerationParams } from "@/server/services/models/generation-params";
import { createdAt, id, timestamptz } from "./columns";
import { users } from "./users";

/**
 * OpenAI-compatible chat-completions servers (DESIGN §15). The API key is stored only
 * encrypted (AES-256-GCM with ARBITER_SECRET_KEY, bound to the row's id) and never read back
 * out through any interface: replies say only whether a key is set.
 */
export const modelEndpoints = pgTable(
  "model_endpoints",
  {
    id: id(),
    name: text().notNull(),
    baseUrl: text().notNull(),
    /** The model id sent in each request. */
    model: text().notNull(),
    apiKeyCiphertext: text(),
    params: jsonb().$type<GenerationParams>().notNull().default({}),
    /** Requests in flight to this endpoint at once, across every worker. */
    concurrency: integer().notNull().default(4),
    timeoutSeconds: integer().notNull().default(120),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("model_endpoints_name_key").on(t.name),
    check("model_endpoints_concurrency_check", sql`${t.concurrency} between 1 and 256`),
    check("model_endpoints_timeout_check", sql`${t.timeoutSeconds} between 1 and 3600`),
  ],
);

export type ModelEndpoint = typeof modelEndpoints.$inferSelect;
export type NewModelEndpoint = typeof modelEndpoints.$inferInsert;
