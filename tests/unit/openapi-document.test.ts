import { readFile } from "node:fs/promises";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/server/http/openapi/build-document";
import { restRouteFiles } from "../fixtures/rest-route-files";

/** Routes that serve the API's own description, not the API. */
const NOT_OPERATIONS = new Set(["/api/v1/openapi.json", "/api/v1/docs"]);

/** Every REST route file's handlers as `METHOD /api/v1/…/{id}/…`, read from the files themselves. */
async function routeFileOperations(): Promise<string[]> {
  const found: string[] = [];
  for (const { file, url } of restRouteFiles()) {
    const route = url.replace(/\[(\w+)\]/g, "{$1}");
    if (NOT_OPERATIONS.has(route)) continue;
    const source = await readFile(file, "utf8");
    for (const match of source.matchAll(
      /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
    )) {
      found.push(`${match[1]} ${route}`);
    }
  }
  return found.sort();
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; parameters?: { name: string; in: string }[]; responses: object }
    >
  >;
};

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("validates against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("lists every v1 route handler, and nothing that does not exist", async () => {
    const documented = Object.entries((document as unknown as Doc).paths)
      .flatMap(([route, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${route}`))
      .sort();
    const files = await routeFileOperations();
    expect(files.length).toBeGreaterThanOrEqual(13);
    expect(documented).toEqual(files);
  });

  it("declares path parameters, bearer auth and the error shape on every operation", () => {
    const ids = new Set<string>();
    for (const [route, methods] of Object.entries((document as unknown as Doc).paths)) {
      for (const op of Object.values(methods)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        const templated = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared).toEqual(templated);
        expect(op.responses).toHaveProperty("401", { $ref: "#/components/responses/Error" });
      }
    }
    expect(document).toMatchObject({
      security: [{ bearerAuth: [] }],
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
        schemas: { Error: { properties: { error: { required: ["code", "message", "details"] } } } },
      },
    });
  });

  it("documents the export formats and the import formats as enums", () => {
    const paths = (
      document as unknown as {
        paths: Record<
          string,
          Record<string, { parameters: { name: string; schema: { enum?: string[] } }[] }>
        >;
      }
    ).paths;
    const exportFormat = paths["/api/v1/campaigns/{id}/export"]?.get?.parameters.find(
      (p) => p.name === "format",
    );
    expect(exportFormat?.schema.enum).toContain("trl");
    expect(exportFormat?.schema.enum).toContain("judgements");
    const importFormat = paths["/api/v1/campaigns/{id}/items"]?.post?.parameters.find(
      (p) => p.name === "format",
    );
    expect(importFormat?.schema.enum).toEqual(["native", "trl", "hh-rlhf", "openai-dpo", "csv"]);
  });
});
