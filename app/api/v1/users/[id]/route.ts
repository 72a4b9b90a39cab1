import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { userDetailsJson, userJson } from "@/server/http/v1/present-users";
import { updateUserBody } from "@/server/http/v1/user-schemas";
import { getUserDetails } from "@/server/services/users/get-user-details";
import { updateUser } from "@/server/services/users/update-user";

/** One account with its campaigns, tokens (prefix, last use) and last sign-in. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(userDetailsJson(await getUserDetails(db, { userId: params.id })));
});

/** Role, disabled, name. The last active admin can be neither demoted nor disabled (409). */
export const PATCH = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const input = await readJsonBody(request, updateUserBody);
  const updated = await updateUser(db, { userId: params.id, actorId: user.id, input });
  return Response.json(userJson(updated));
});

export const dynamic = "force-dynamic";
