import Link from "next/link";
import { buildOpenApiDocument } from "@/server/http/openapi/build-document";
import type { ApiDocument } from "./api-document";
import { ApiExplorer } from "./api-explorer";

export const metadata = { title: "REST API · Arbiter" };

/**
 * The REST v1 reference, rendered from the OpenAPI document by our own component: no
 * third-party script or CDN, so it runs under the app's strict Content-Security-Policy.
 */
export default function ApiDocsPage() {
  const document = buildOpenApiDocument() as unknown as ApiDocument;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <p className="mb-2 text-sm">
        <Link href="/" className="underline">
          Arbiter
        </Link>{" "}
        ·{" "}
        <a href="/api/v1/openapi.json" className="underline">
          openapi.json
        </a>{" "}
        ·{" "}
        <Link href="/settings/tokens" className="underline">
          Create a token
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-semibold">{document.info.title}</h1>
      <p className="mb-6 max-w-3xl text-sm text-slate-700">{document.info.description}</p>
      <ApiExplorer document={document} />
    </main>
  );
}
