import { appOrigin } from "@/server/http/app-origin";
import { restRoute } from "@/server/http/rest-route";
import { createPasswordReset } from "@/server/services/users/create-password-reset";

/** A single-use, expiring reset link; earlier unused links of the user stop working. */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const link = await createPasswordReset(db, { userId: params.id, actorId: user.id });
  return Response.json(
    { url: `${appOrigin(request)}${link.path}`, expires_at: link.expiresAt.toISOString() },
    { status: 201 },
  );
});

export const dynamic = "force-dynamic";
