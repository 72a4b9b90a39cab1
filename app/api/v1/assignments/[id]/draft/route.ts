import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { draftBody } from "@/server/http/v1/schemas";
import { saveDraft } from "@/server/services/assignment/lease-actions";

export const PUT = restRoute<{ id: string }>("user", async ({ db, user, params, request }) => {
  assertUuid(params.id, "task");
  const { draft } = await readJsonBody(request, draftBody);
  await saveDraft(db, { assignmentId: params.id, user, draft });
  return new Response(null, { status: 204 });
});

export const dynamic = "force-dynamic";
