import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { IMPORT_FORMATS, type ImportFormat } from "@/server/formats/import-types";
import { formatBytes } from "@/server/formats/read-lines";
import { restRoute } from "@/server/http/rest-route";
import { bodyChunks } from "@/server/http/streams";
import { importItems } from "@/server/services/imports/import-items";
import { previewImport } from "@/server/services/imports/preview-import";

/**
 * Upload a file of items: the body is the file itself (gzip allowed), streamed, size-limited.
 * `?dry_run=true` validates it the same way and answers with a preview, writing nothing.
 */
export const POST = restRoute<{ id: string }>("admin", async ({ db, user, params, request }) => {
  const search = new URL(request.url).searchParams;
  const format = search.get("format") ?? "native";
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("BAD_REQUEST", `Unknown import format "${format}"`, { formats: IMPORT_FORMATS });
  }
  const maxBytes = env().ARBITER_MAX_UPLOAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${formatBytes(maxBytes)}`);
  }
  if (search.get("dry_run") === "true") {
    const preview = await previewImport(db, {
      campaignId: params.id,
      format: format as ImportFormat,
      body: bodyChunks(request),
      maxBytes,
    });
    return Response.json(preview, { status: 200 });
  }
  const result = await importItems(db, {
    campaignId: params.id,
    format: format as ImportFormat,
    body: bodyChunks(request),
    maxBytes,
    actorId: user.id,
  });
  return Response.json(result, { status: 200 });
});
