import { and, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, campaigns, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { listAuditEventsInput, type ListAuditEventsInput } from "./audit-inputs";

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  campaignId: string | null;
  campaignName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** The subject's email when the subject is a user. */
  subjectLabel: string | null;
  details: Record<string, unknown>;
}

const subjects = alias(users, "subject_users");

/** Postgres keeps microseconds, JS dates only milliseconds: the cursor carries the exact text. */
const exactTime = sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeCursor(cursor: string): { time: string; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!time || !id || !/^[\d:.TZ-]+$/.test(time) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError("BAD_REQUEST", "Invalid cursor");
  }
  return { time, id };
}

/**
 * The audit log, newest first, one page at a time. Keyset pagination on (created_at, id):
 * pages stay stable while new events arrive and deep pages cost the same as the first.
 */
export async function listAuditEvents(
  db: Db,
  params: ListAuditEventsInput,
): Promise<{ events: AuditEventRow[]; nextCursor: string | null }> {
  const input = listAuditEventsInput.parse(params);
  const where: SQL[] = [];
  if (input.campaignId) where.push(eq(auditEvents.campaignId, input.campaignId));
  if (input.userId) {
    const byUser = or(eq(auditEvents.actorId, input.userId), eq(auditEvents.subjectId, input.userId));
    if (byUser) where.push(byUser);
  }
  if (input.action?.endsWith("*")) where.push(like(auditEvents.action, `${input.action.slice(0, -1)}%`));
  else if (input.action) where.push(eq(auditEvents.action, input.action));
  if (input.since) where.push(gte(auditEvents.createdAt, input.since));
  if (input.until) where.push(lt(auditEvents.createdAt, input.until));
  if (input.cursor) {
    const { time, id } = decodeCursor(input.cursor);
    where.push(sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${time}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      exactTime,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorEmail: users.email,
      campaignId: auditEvents.campaignId,
      campaignName: campaigns.name,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      subjectLabel: subjects.email,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(campaigns, eq(campaigns.id, auditEvents.campaignId))
    .leftJoin(
      subjects,
      and(eq(auditEvents.subjectType, "user"), sql`${subjects.id}::text = ${auditEvents.subjectId}`),
    )
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? Buffer.from(`${last.exactTime}|${last.id}`, "utf8").toString("base64url")
      : null;
  return { events: page.map(({ exactTime: _t, ...event }) => event), nextCursor };
}
