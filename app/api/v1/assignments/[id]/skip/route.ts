import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { skipBody } from "@/server/http/v1/schemas";
import { skipAssignment } from "@/server/services/assignment/lease-actions";

/** Gives the task back with a reason; the item is never served to this caller again. */
export const POST = restRoute<{ id: string }>("user", async ({ db, user, params, request }) => {
  assertUuid(params.id, "task");
  const { reason } = await readJsonBody(request, skipBody);
  await skipAssignment(db, { assignmentId: params.id, user, reason });
  return new Response(null, { status: 204 });
});

export const dynamic = "force-dynamic";
