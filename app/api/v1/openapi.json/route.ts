import { buildOpenApiDocument } from "@/server/http/openapi/build-document";

/** Public: the document describes the API, it grants nothing. Built once per process. */
let document: Record<string, unknown> | undefined;

export function GET(): Response {
  document ??= buildOpenApiDocument();
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
