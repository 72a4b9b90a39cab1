import { restRoute } from "@/server/http/rest-route";
import { attachmentHeaders, iterableToStream } from "@/server/http/streams";
import { streamExport } from "@/server/services/exports/stream-export";

/** A streamed download: rows leave as they are read, so size never meets a memory limit. */
export const GET = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "trl";
  const exported = await streamExport(db, { campaignId: params.id, format, actorId: user.id });
  return new Response(iterableToStream(exported.body), {
    headers: attachmentHeaders(exported.filename, exported.contentType),
  });
});

export const dynamic = "force-dynamic";
