import { restRoute } from "@/server/http/rest-route";
import { signOutEverywhere } from "@/server/services/users/sign-out-everywhere";

/** Ends every session of the user (their API tokens keep working). */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params }) => {
  await signOutEverywhere(db, { userId: params.id, actorId: user.id });
  return new Response(null, { status: 204 });
});

export const dynamic = "force-dynamic";
