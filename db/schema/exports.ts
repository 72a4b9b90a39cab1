import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { createdAt, id, timestamptz } from "./columns";
import { apiTokens, users } from "./users";

export const EXPORT_STATUSES = ["running", "done", "failed"] as const;

export const datasetExports = pgTable(
  "exports",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    format: text().notNull(),
    file: text().notNull().default("jsonl"),
    options: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text({ enum: EXPORT_STATUSES }).notNull().default("running"),
    rowCount: integer(),
    sha256: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    finishedAt: timestamptz(),
    /** Touched every few seconds while the file streams; a `running` export whose heartbeat
     * has gone stale belongs to a process that died, and is reported as failed. */
    heartbeatAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("exports_campaign_id_created_at_idx").on(t.campaignId, t.createdAt)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The API token the actor used, when they acted through one (null for browser sessions). */
    tokenId: uuid().references(() => apiTokens.id, { onDelete: "set null" }),
    action: text().notNull(),
    campaignId: uuid().references(() => campaigns.id, { onDelete: "cascade" }),
    subjectType: text(),
    subjectId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_campaign_id_created_at_idx").on(t.campaignId, t.createdAt),
    index("audit_events_token_id_created_at_idx")
      .on(t.tokenId, t.createdAt)
      .where(sql`${t.tokenId} is not null`),
    // The audit log pages newest first by (created_at, id), optionally by actor or subject.
    index("audit_events_created_at_id_idx").on(t.createdAt, t.id),
    index("audit_events_actor_id_created_at_idx").on(t.actorId, t.createdAt),
    index("audit_events_subject_id_created_at_idx").on(t.subjectId, t.createdAt),
  ],
);

export type ExportRecord = typeof datasetExports.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
