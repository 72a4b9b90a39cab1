import { restRoute } from "@/server/http/rest-route";
import { agreementJson } from "@/server/http/v1/quality-present";
import { qualityQuery } from "@/server/http/v1/quality-schemas";
import { getAgreement } from "@/server/services/quality/get-agreement";

/** Agreement per question with bootstrap intervals, and the disputed items (`?rounds`, `?seed`). */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params, request }) => {
  const query = qualityQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(agreementJson(await getAgreement(db, { campaignId: params.id, ...query })));
});

export const dynamic = "force-dynamic";
