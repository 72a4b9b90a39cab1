import { pagesApiRoute } from "@/server/http/pages-api-route";
import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { taskJson } from "@/server/http/v1/present";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";

/**
 * Claims the caller's next task (or returns the one they already hold). 204 when there is
 * nothing to do; the `Arbiter-Reason` header says why (done, paused, member_paused, daily_cap).
 */
export const POST = restRoute<{ id: string }>("user", async ({ db, user, params }) => {
  assertUuid(params.id, "campaign");
  const claimed = await claimNextTask(db, { campaignId: params.id, user });
  if (!claimed.task)
    return new Response(null, { status: 204, headers: { "Arbiter-Reason": claimed.reason } });
  return Response.json(taskJson(claimed.task));
});

// Served from pages/api for its lower per-request cost (server/http/pages-api-route.ts).
export default pagesApiRoute({ POST });
// Next reads this statically, so it is spelled out; a test holds it equal to PAGES_API_CONFIG.
export const config = { api: { bodyParser: false, responseLimit: false, externalResolver: true } };
