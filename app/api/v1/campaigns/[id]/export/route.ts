import { restRoute } from "@/server/http/rest-route";
import { attachmentHeaders, iterableToStream } from "@/server/http/streams";
import { streamExport } from "@/server/services/exports/stream-export";

/**
 * A streamed download: rows leave as they are read, so size never meets a memory limit.
 * `?format=…&file=…&<options>` (exportOptionsSchema); bad options are a 400 before any byte.
 */
export const GET = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const options = Object.fromEntries(
    [...new URL(request.url).searchParams].filter(([, value]) => value !== ""),
  );
  const exported = await streamExport(db, { campaignId: params.id, actorId: user.id, options });
  return new Response(iterableToStream(exported.body), {
    headers: attachmentHeaders(exported.filename, exported.contentType),
  });
});

export const dynamic = "force-dynamic";
