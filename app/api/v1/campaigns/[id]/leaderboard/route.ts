import { restRoute } from "@/server/http/rest-route";
import { leaderboardJson } from "@/server/http/v1/quality-present";
import { qualityQuery } from "@/server/http/v1/quality-schemas";
import { getLeaderboard } from "@/server/services/quality/get-leaderboard";

/** Bradley–Terry leaderboard with seeded bootstrap intervals, Elo and the win-rate matrix. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params, request }) => {
  const query = qualityQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    leaderboardJson(await getLeaderboard(db, { campaignId: params.id, ...query })),
  );
});

export const dynamic = "force-dynamic";
