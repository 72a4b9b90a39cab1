import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";

/** One entry per user per window is enough to show that an ended session was tried again. */
const REFUSED_SESSION_WINDOW_MINUTES = 10;

/**
 * Writes `session.refused` when a session that was ended (disabled account, or signed out
 * everywhere) is used again, at most once per user per window so a replayed cookie cannot
 * flood the audit log.
 */
export async function recordRefusedSession(
  db: Db,
  params: { userId: string; reason: "disabled" | "signed_out" },
): Promise<void> {
  const action = AUDIT_ACTIONS.sessionRefused;
  await db.execute(sql`
    insert into ${auditEvents} (actor_id, action, subject_type, subject_id, details)
    select ${params.userId}::uuid, ${action}, 'user', ${params.userId}, ${JSON.stringify({ reason: params.reason })}::jsonb
    where not exists (
      select 1 from ${auditEvents}
      where subject_id = ${params.userId} and action = ${action}
        and created_at > now() - make_interval(mins => ${REFUSED_SESSION_WINDOW_MINUTES})
    )`);
}
