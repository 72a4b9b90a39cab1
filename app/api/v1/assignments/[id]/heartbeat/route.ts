import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { heartbeatAssignment } from "@/server/services/assignment/lease-actions";

/** Keeps the caller's lease alive for another lease TTL. */
export const POST = restRoute<{ id: string }>("user", async ({ db, user, params }) => {
  assertUuid(params.id, "task");
  const { expiresAt } = await heartbeatAssignment(db, { assignmentId: params.id, user });
  return Response.json({ expires_at: expiresAt.toISOString() });
});

export const dynamic = "force-dynamic";
