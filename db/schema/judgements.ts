import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { JudgementPayload } from "@/server/domain/judgement-payload";
import { assignments } from "./assignments";
import { campaigns } from "./campaigns";
import { id, timestamptz } from "./columns";

/**
 * Append-only. An edit is a new row whose revision_of names the row it supersedes; the live
 * judgement of an assignment is the one nothing revises.
 */
export const judgements = pgTable(
  "judgements",
  {
    id: id(),
    /** Submission order; the key for keyset-paginated exports. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    assignmentId: uuid().notNull(),
    itemId: uuid().notNull(),
    annotatorId: uuid().notNull(),
    payload: jsonb().$type<JudgementPayload>().notNull(),
    displayOrder: jsonb().$type<string[]>().notNull(),
    guidelineVersion: integer().notNull(),
    templateVersion: integer().notNull(),
    shownAt: timestamptz(),
    submittedAt: timestamptz().notNull().defaultNow(),
    activeMs: integer(),
    /** Whether the task showed an LLM judge's suggestion before this answer (DESIGN §15). */
    suggestionShown: boolean().notNull().default(false),
    /** Whether this answer says what the shown suggestion said; null when none was shown. */
    agreedWithSuggestion: boolean(),
    /** Client-chosen key: a retried submit returns the first result and stores nothing. */
    idempotencyKey: text().notNull(),
    revisionOf: uuid(),
  },
  (t) => [
    foreignKey({
      columns: [t.assignmentId, t.annotatorId, t.itemId],
      foreignColumns: [assignments.id, assignments.annotatorId, assignments.itemId],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.revisionOf], foreignColumns: [t.id] }),
    uniqueIndex("judgements_idempotency_key_key").on(t.idempotencyKey),
    // One first judgement per assignment, and each judgement revised at most once:
    // together, a single live judgement per (item, annotator).
    uniqueIndex("judgements_assignment_id_key")
      .on(t.assignmentId)
      .where(sql`${t.revisionOf} is null`),
    uniqueIndex("judgements_revision_of_key").on(t.revisionOf),
    index("judgements_campaign_id_seq_idx").on(t.campaignId, t.seq),
    index("judgements_item_id_idx").on(t.itemId),
  ],
);

export type Judgement = typeof judgements.$inferSelect;
export type NewJudgement = typeof judgements.$inferInsert;
