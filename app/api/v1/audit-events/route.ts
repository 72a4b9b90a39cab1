import { restRoute } from "@/server/http/rest-route";
import { auditEventJson } from "@/server/http/v1/present-users";
import { auditEventsQuery, parseQuery } from "@/server/http/v1/user-schemas";
import { listAuditEvents } from "@/server/services/audit/list-audit-events";

/** Newest first; filters combine with AND; `next_cursor` pages on. */
export const GET = restRoute("admin", async ({ db, request }) => {
  const q = parseQuery(request, auditEventsQuery);
  const page = await listAuditEvents(db, {
    campaignId: q.campaign_id,
    userId: q.user_id,
    action: q.action,
    since: q.since,
    until: q.until,
    cursor: q.cursor,
    limit: q.limit,
  });
  return Response.json({ events: page.events.map(auditEventJson), next_cursor: page.nextCursor });
});

export const dynamic = "force-dynamic";
