import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { assertUuid } from "@/server/services/ids";
import { addMemberBody } from "@/server/http/v1/schemas";
import { addMember } from "@/server/services/campaigns/add-member";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import { listMembers } from "@/server/services/campaigns/list-members";
import { memberJson } from "@/server/http/v1/present-users";

/** The campaign's annotators with their status and submitted count. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, user, params }) => {
  await getCampaignForUser(db, { campaignId: params.id, user });
  const members = await listMembers(db, { campaignId: params.id });
  return Response.json({ members: members.map(memberJson) });
});

/** Adds an annotator by email: 201 when they joined now, 200 when they already were a member. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  assertUuid(params.id, "campaign");
  const body = await readJsonBody(request, addMemberBody);
  const added = await addMember(db, {
    input: { campaignId: params.id, email: body.email, password: body.password },
    actorId: user.id,
  });
  return Response.json(
    {
      user_id: added.userId,
      email: added.email,
      role: body.role,
      created_account: added.createdAccount,
      already_member: added.alreadyMember,
    },
    { status: added.alreadyMember ? 200 : 201 },
  );
});

export const dynamic = "force-dynamic";
