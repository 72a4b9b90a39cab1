import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ShownSuggestion } from "@/server/domain/suggestion";
import { campaigns } from "./campaigns";
import { createdAt, id, timestamptz } from "./columns";
import { items } from "./items";
import { users } from "./users";

export const ASSIGNMENT_STATUSES = ["leased", "submitted", "skipped", "expired"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_PURPOSES = ["regular", "probe"] as const;

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemId: uuid().notNull(),
    annotatorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A consistency probe re-serves an item the annotator already judged, sides swapped. */
    purpose: text({ enum: ASSIGNMENT_PURPOSES }).notNull().default("regular"),
    status: text({ enum: ASSIGNMENT_STATUSES }).notNull().default("leased"),
    /** Response ids in the order they were shown (left to right / top to bottom). */
    displayOrder: jsonb().$type<string[]>().notNull(),
    leasedAt: createdAt(),
    /**
     * When the task was first on the annotator's screen: at the lease for a task shown at once,
     * later for a prefetched one (the screen reports it). Judgements take it as `shown_at`, so
     * answer times (rubber-stamping) start when the annotator could read, not at the prefetch.
     */
    shownAt: timestamptz(),
    expiresAt: timestamptz().notNull(),
    draft: jsonb().$type<unknown>(),
    /**
     * The judge's suggestion this task was shown with (a `before_submit` campaign), as shown,
     * naming responses by their real ids; null when none was shown. The judgement's
     * suggestion fields are computed from it, so a judge run between claim and submit
     * changes nothing about what this annotator saw.
     */
    suggestion: jsonb().$type<ShownSuggestion>(),
    skipReason: text(),
    completedAt: timestamptz(),
  },
  (t) => [
    foreignKey({ columns: [t.itemId], foreignColumns: [items.id] }).onDelete("cascade"),
    // Lets judgements reference (assignment, annotator, item) together: invariant 3 in the schema.
    unique("assignments_id_annotator_id_item_id_key").on(t.id, t.annotatorId, t.itemId),
    // An annotator never gets an item twice, probes aside.
    uniqueIndex("assignments_item_id_annotator_id_key")
      .on(t.itemId, t.annotatorId)
      .where(sql`${t.purpose} = 'regular'`),
    index("assignments_campaign_id_expires_at_idx")
      .on(t.campaignId, t.expiresAt)
      .where(sql`${t.status} = 'leased'`),
    // Exports ask once whether a campaign has probes at all; this keeps that a lookup.
    index("assignments_campaign_id_probe_idx")
      .on(t.campaignId)
      .where(sql`${t.purpose} = 'probe'`),
    index("assignments_annotator_id_campaign_id_status_idx").on(
      t.annotatorId,
      t.campaignId,
      t.status,
    ),
    check(
      "assignments_status_check",
      sql`${t.status} in ('leased', 'submitted', 'skipped', 'expired')`,
    ),
  ],
);

export type Assignment = typeof assignments.$inferSelect;
export type NewAssignment = typeof assignments.$inferInsert;
