import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  JOB_KINDS,
  JOB_STATUSES,
  type JobError,
} from "@/server/services/jobs/job-types";
import { campaigns } from "./campaigns";
import { createdAt, id, timestamptz } from "./columns";
import { items, responses } from "./items";
import { modelEndpoints } from "./models";
import { users } from "./users";

/**
 * Background work on a campaign (generation, LLM judging), kept in Postgres so that any app
 * instance or `arbiter worker` can run it and a restart loses nothing (DESIGN §15). A job is
 * split into tasks; workers lease tasks, never whole jobs, so several workers share a job.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    kind: text({ enum: JOB_KINDS }).notNull(),
    status: text({ enum: JOB_STATUSES }).notNull().default("queued"),
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Tasks that failed for good (capped; the count of failed tasks is exact). */
    errors: jsonb().$type<JobError[]>().notNull().default([]),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: timestamptz(),
    finishedAt: timestamptz(),
  },
  (t) => [
    index("jobs_campaign_id_created_at_idx").on(t.campaignId, t.createdAt),
    index("jobs_unfinished_idx")
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    check("jobs_kind_check", sql`${t.kind} in ('generate', 'judge')`),
    check(
      "jobs_status_check",
      sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled')`,
    ),
  ],
);

/**
 * One request to one endpoint: (job, item, endpoint, sample) is unique, so a task is never
 * queued twice. Claimed with FOR UPDATE SKIP LOCKED; a lease that expires (the worker died)
 * makes the task claimable again.
 */
export const jobTasks = pgTable(
  "job_tasks",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    itemId: uuid()
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    endpointId: uuid()
      .notNull()
      .references(() => modelEndpoints.id, { onDelete: "cascade" }),
    sample: integer().notNull(),
    status: text({ enum: JOB_STATUSES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz().notNull().defaultNow(),
    leaseOwner: text(),
    leaseExpiresAt: timestamptz(),
    heartbeatAt: timestamptz(),
    lastError: text(),
    responseId: uuid().references(() => responses.id, { onDelete: "set null" }),
    finishedAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("job_tasks_job_id_item_id_endpoint_id_sample_key").on(
      t.jobId,
      t.itemId,
      t.endpointId,
      t.sample,
    ),
    index("job_tasks_endpoint_id_next_attempt_at_idx")
      .on(t.endpointId, t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
    index("job_tasks_endpoint_id_lease_expires_at_idx")
      .on(t.endpointId, t.leaseExpiresAt)
      .where(sql`${t.status} = 'running'`),
    index("job_tasks_job_id_status_idx").on(t.jobId, t.status),
    index("job_tasks_item_id_idx").on(t.itemId),
    check(
      "job_tasks_status_check",
      sql`${t.status} in ('queued', 'running', 'done', 'failed', 'cancelled')`,
    ),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
export type JobTask = typeof jobTasks.$inferSelect;
