import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Message } from "@/server/formats/messages";
import type { GenerationRecord } from "@/server/services/models/generation-params";
import { campaigns } from "./campaigns";
// Relative, not "@/": drizzle-kit loads the schema without the path aliases.
import { CONTENT_KINDS, ITEM_KINDS, PROMPT_FORMATS } from "../../server/domain/item-kinds";
import { LEAK_STATUSES } from "../../server/domain/identity-leak";
import { createdAt, id } from "./columns";

export { CONTENT_KINDS, ITEM_KINDS, PROMPT_FORMATS } from "../../server/domain/item-kinds";
export type { ContentKind, ItemKind, PromptFormat } from "../../server/domain/item-kinds";

export const items = pgTable(
  "items",
  {
    id: id(),
    /** Import order; the stable key for keyset pagination. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    /** Always a message list; promptFormat remembers whether it arrived as a plain string. */
    prompt: jsonb().$type<Message[]>().notNull(),
    promptFormat: text({ enum: PROMPT_FORMATS }).notNull().default("messages"),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    kind: text({ enum: ITEM_KINDS }).notNull().default("regular"),
    goldAnswer: jsonb().$type<unknown>(),
    /** The guideline passage (markdown) shown with a gold item's expected answer, when enabled. */
    goldExplanation: text(),
    /** Format-specific raw material an export needs to reproduce the source exactly. */
    source: jsonb().$type<Record<string, unknown>>(),
    /**
     * Slots still open = overlap − submitted − live leases. Kept in the row so that the queue's
     * partial index finds claimable items without counting judgements (DESIGN §6, §12 P6).
     */
    openSlots: integer().notNull(),
    judgementCount: integer().notNull().default(0),
    /**
     * A prompt still waiting for its responses to be generated: never claimable until a
     * generation job has given it enough of them (DESIGN §15). The queue's indexes leave it out.
     */
    awaitingGeneration: boolean().notNull().default(false),
    /**
     * The identity-leak guard's verdict on the item's responses (server/domain/identity-leak.ts).
     * A `held` item is not a task: the queue's indexes leave it out until an admin releases it.
     */
    leakStatus: text({ enum: LEAK_STATUSES }).notNull().default("clean"),
    /** Random tie-break among equally complete items, fixed at insert so the index can order by it. */
    randKey: doublePrecision()
      .notNull()
      .default(sql`random()`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("items_campaign_id_external_id_key").on(t.campaignId, t.externalId),
    index("items_campaign_id_seq_idx").on(t.campaignId, t.seq),
    index("items_campaign_id_open_idx")
      .on(t.campaignId, t.judgementCount.desc(), t.randKey)
      .where(sql`${t.openSlots} > 0 and not ${t.awaitingGeneration} and ${t.leakStatus} <> 'held'`),
    // Gold items are claimed at the gold rate; without their own index that claim would walk
    // past every open regular item once the gold ones run out.
    index("items_campaign_id_gold_open_idx")
      .on(t.campaignId, t.judgementCount.desc(), t.randKey)
      .where(
        sql`${t.openSlots} > 0 and not ${t.awaitingGeneration} and ${t.leakStatus} <> 'held' and ${t.kind} = 'gold'`,
      ),
    // The admin's review list and the stats' flagged counts read only the flagged few.
    index("items_campaign_id_flagged_idx")
      .on(t.campaignId, t.seq)
      .where(sql`${t.leakStatus} <> 'clean'`),
    check("items_kind_check", sql`${t.kind} in ('regular', 'gold', 'probe')`),
    check("items_open_slots_check", sql`${t.openSlots} >= 0`),
    check("items_judgement_count_check", sql`${t.judgementCount} >= 0`),
    check("items_leak_status_check", sql`${t.leakStatus} in ('clean', 'warned', 'held', 'released')`),
  ],
);

export const responses = pgTable(
  "responses",
  {
    id: id(),
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    externalId: text().notNull(),
    /** Order in the source file; the screen order is per assignment. */
    position: integer().notNull(),
    model: text(),
    contentKind: text({ enum: CONTENT_KINDS }).notNull().default("text"),
    /** The text itself, or the URL for image and audio responses. */
    content: text().notNull(),
    /** Set when Arbiter generated the response: endpoint, parameters, latency, tokens. */
    generation: jsonb().$type<GenerationRecord>(),
    /**
     * The steps of a response imported as an explicit `steps` array (DESIGN §16), kept so the
     * split is exactly the source's; `content` then holds them joined by blank lines. Null for
     * responses imported as one text, which a steps template splits when shown.
     */
    steps: jsonb().$type<string[]>(),
    /** The model's reasoning (`reasoning_content` / `thinking`), kept apart from the answer. */
    reasoning: text(),
    /** The campaign's identity-leak phrases found in this response; null when none. */
    leakMatches: jsonb().$type<string[]>(),
    /**
     * A response imported as messages after the prompt (DESIGN §16): a multi-turn continuation,
     * or an answer with tool calls and their results. `content` then holds their text for
     * screens and exports that show text only. Null for a response that is one assistant text.
     */
    messages: jsonb().$type<Message[]>(),
  },
  (t) => [
    uniqueIndex("responses_item_id_position_key").on(t.itemId, t.position),
    uniqueIndex("responses_item_id_external_id_key").on(t.itemId, t.externalId),
  ],
);

export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;
export type Response = typeof responses.$inferSelect;
export type NewResponse = typeof responses.$inferInsert;
