import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { JudgementPayload } from "@/server/services/judgements/judgement-payload";
import { campaigns } from "./campaigns";
import { createdAt, id } from "./columns";
import { items } from "./items";
import { jobs } from "./jobs";
import { modelEndpoints } from "./models";

/**
 * An LLM judge's verdict on an item in one display order (DESIGN §15). Suggestions are never
 * judgements: they hold no assignment, take no overlap slot and never reach the human exports.
 * Each item is judged in both orders (order_index 0 = import order, 1 = reversed); once both are
 * in, `consistent` says whether the verdict survived the swap.
 */
export const suggestions = pgTable(
  "suggestions",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    endpointId: uuid().references(() => modelEndpoints.id, { onDelete: "set null" }),
    /** The judge's name when it judged, kept if the endpoint is deleted later. */
    judge: text().notNull(),
    orderIndex: integer().notNull(),
    /** Response ids in the order the judge saw them. */
    displayOrder: jsonb().$type<string[]>().notNull(),
    /** The verdict in the template's payload shape, naming responses by id. */
    payload: jsonb().$type<JudgementPayload>().notNull(),
    consistent: boolean(),
    promptTokens: integer(),
    completionTokens: integer(),
    latencyMs: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("suggestions_job_id_item_id_order_index_key").on(t.jobId, t.itemId, t.orderIndex),
    index("suggestions_campaign_id_endpoint_id_idx").on(t.campaignId, t.endpointId),
    index("suggestions_item_id_idx").on(t.itemId),
    check("suggestions_order_index_check", sql`${t.orderIndex} in (0, 1)`),
  ],
);

export type Suggestion = typeof suggestions.$inferSelect;
