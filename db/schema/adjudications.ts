import { foreignKey, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { JudgementPayload } from "../../server/domain/judgement-payload";
import { campaigns } from "./campaigns";
import { createdAt, id, timestamptz } from "./columns";
import { items } from "./items";
import { users } from "./users";

/**
 * An admin's verdict on a disputed item (DESIGN §9). One per item: recording again replaces
 * it. Validated against the campaign's template like any judgement; exports with
 * `prefer_adjudicated=true` use it instead of the item's votes.
 */
export const adjudications = pgTable(
  "adjudications",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemId: uuid().notNull(),
    payload: jsonb().$type<JudgementPayload>().notNull(),
    note: text().notNull().default(""),
    templateVersion: integer().notNull(),
    adjudicatorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.itemId], foreignColumns: [items.id] }).onDelete("cascade"),
    uniqueIndex("adjudications_item_id_key").on(t.itemId),
  ],
);

export type Adjudication = typeof adjudications.$inferSelect;
