import { pagesApiRoute } from "@/server/http/pages-api-route";
import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { judgementJson } from "@/server/http/v1/present";
import { judgementBody } from "@/server/http/v1/schemas";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";

/**
 * 201 with the new judgement's id; a retry with the same idempotency key gets 200 and the same
 * id. `gold_feedback` is null unless the item was gold and the campaign gives gold feedback;
 * `suggestion` is null unless the campaign shows suggestions and the item has one.
 */
export const POST = restRoute<{ id: string }>("user", async ({ db, user, params, request }) => {
  assertUuid(params.id, "task");
  const body = await readJsonBody(request, judgementBody);
  const { judgement, created, goldFeedback, suggestion } = await submitJudgement(db, {
    input: {
      assignmentId: params.id,
      idempotencyKey: body.idempotency_key,
      payload: body.payload,
      activeMs: body.active_ms,
    },
    user,
  });
  return Response.json(
    judgementJson({ judgement, created, goldFeedback, suggestion }),
    { status: created ? 201 : 200 },
  );
});

// Served from pages/api for its lower per-request cost (server/http/pages-api-route.ts).
export default pagesApiRoute({ POST });
// Next reads this statically, so it is spelled out; a test holds it equal to PAGES_API_CONFIG.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };
