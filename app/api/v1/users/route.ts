import { readJsonBody } from "@/server/http/json-body";
import { restRoute } from "@/server/http/rest-route";
import { userJson, userSummaryJson } from "@/server/http/v1/present-users";
import { createUserBody, listUsersQuery, parseQuery } from "@/server/http/v1/user-schemas";
import { adminCreateUser } from "@/server/services/users/admin-create-user";
import { listUsers } from "@/server/services/users/list-users";

export const GET = restRoute("admin", async ({ db, request }) => {
  const query = parseQuery(request, listUsersQuery);
  const users = await listUsers(db, { search: query.search });
  return Response.json({ users: users.map(userSummaryJson) });
});

export const POST = restRoute("admin", async ({ db, user, request }) => {
  const input = await readJsonBody(request, createUserBody);
  const created = await adminCreateUser(db, { input, actorId: user.id });
  return Response.json(
    { ...userJson(created.user), generated_password: created.generatedPassword },
    { status: 201 },
  );
});

export const dynamic = "force-dynamic";
