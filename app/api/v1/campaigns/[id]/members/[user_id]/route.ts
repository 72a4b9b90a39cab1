import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import type { memberStatusOut, removedMemberOut } from "@/server/http/v1/user-schemas";
import { updateMemberBody } from "@/server/http/v1/user-schemas";
import type { z } from "zod";
import { removeMember } from "@/server/services/campaigns/remove-member";
import { setMemberStatus } from "@/server/services/campaigns/set-member-status";

type Params = { id: string; user_id: string };

/** Pauses (no new tasks) or resumes one annotator in the campaign. */
export const PATCH = restRoute<Params>("admin", async ({ db, user, params, request }) => {
  const body = await readJsonBody(request, updateMemberBody);
  const updated = await setMemberStatus(db, {
    campaignId: params.id,
    userId: params.user_id,
    status: body.status,
    actorId: user.id,
  });
  const out: z.input<typeof memberStatusOut> = { user_id: params.user_id, status: updated.status };
  return Response.json(out);
});

/** Takes the annotator out; their judgements stay, their open leases go back to the pool. */
export const DELETE = restRoute<Params>("admin", async ({ db, user, params }) => {
  const removed = await removeMember(db, {
    campaignId: params.id,
    userId: params.user_id,
    actorId: user.id,
  });
  const out: z.input<typeof removedMemberOut> = {
    user_id: params.user_id,
    released_leases: removed.releasedLeases,
  };
  return Response.json(out);
});

export const dynamic = "force-dynamic";
