import { restRoute } from "@/server/http/rest-route";
import { annotatorsJson } from "@/server/http/v1/quality-present";
import { listAnnotatorQuality } from "@/server/services/quality/list-annotator-quality";

/** Per-annotator quality with flags (position and length bias, gold, consensus, speed). */
export const GET = restRoute<{ id: string }>("admin", async ({ db, params }) => {
  return Response.json(annotatorsJson(await listAnnotatorQuality(db, { campaignId: params.id })));
});

export const dynamic = "force-dynamic";
