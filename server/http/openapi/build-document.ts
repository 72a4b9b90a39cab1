import { z } from "zod";
import { OPERATIONS, type Operation } from "./operations";
import { errorBody } from "../v1/schemas";

type JsonObject = Record<string, unknown>;

/** zod → JSON Schema 2020-12, the dialect OpenAPI 3.1 uses. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
  }) as JsonObject;
  return rest;
}

const errorRef = { $ref: "#/components/responses/Error" };

/** The statuses any operation may answer besides its own, by what can go wrong. */
function errorResponses(op: Operation): Record<string, unknown> {
  const out: Record<string, unknown> = { 401: errorRef };
  if (op.tier === "admin") out[403] = errorRef;
  if (op.idOf) out[404] = errorRef;
  if (op.body) {
    out[400] = errorRef;
    out[413] = errorRef;
  }
  if ("schema" in (op.body ?? {})) out[415] = errorRef;
  if (op.method !== "get") out[409] = errorRef;
  return out;
}

function operationObject(op: Operation): JsonObject {
  const parameters: JsonObject[] = [];
  if (op.idOf) {
    parameters.push({
      name: "id",
      in: "path",
      required: true,
      description: `The ${op.idOf} id`,
      schema: { type: "string", format: "uuid" },
    });
  }
  for (const sub of op.subIds ?? []) {
    parameters.push({
      name: sub.name,
      in: "path",
      required: true,
      description: sub.description,
      schema: { type: "string", format: "uuid" },
    });
  }
  for (const q of op.query ?? []) {
    parameters.push({
      name: q.name,
      in: "query",
      required: false,
      description: q.description,
      schema: {
        type: "string",
        ...(q.enum ? { enum: [...q.enum] } : {}),
        ...(q.default ? { default: q.default } : {}),
      },
    });
  }
  const responses: JsonObject = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema
        ? { content: { "application/json": { schema: jsonSchema(r.schema, "output") } } }
        : {}),
      ...(r.binary
        ? { content: { [r.binary]: { schema: { type: "string", format: "binary" } } } }
        : {}),
    };
  }
  Object.assign(responses, errorResponses(op));
  let requestBody: JsonObject | undefined;
  if (op.body && "schema" in op.body) {
    requestBody = {
      required: true,
      content: { "application/json": { schema: jsonSchema(op.body.schema, "input") } },
    };
  } else if (op.body) {
    requestBody = {
      required: true,
      content: { [op.body.binary]: { schema: { type: "string", format: "binary" } } },
    };
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [
      op.description,
      op.tier === "admin" ? "Admins only." : "Any signed-in user or token.",
    ]
      .filter(Boolean)
      .join("\n\n"),
    tags: [op.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for REST v1, generated from the same zod schemas the routes parse with. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    (paths[op.path] as JsonObject)[op.method] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Arbiter REST API",
      version: "1.0.0",
      description:
        "Token-authenticated API for pipelines: create campaigns, import items, claim and judge tasks, export datasets. " +
        "Create a token under Settings → API tokens and send it as `Authorization: Bearer <token>`; it acts as you, with your role. " +
        'Errors are always `{"error": {"code", "message", "details"}}`.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "Campaigns", description: "Campaign settings and members" },
      { name: "Tasks", description: "Claim, keep, skip and judge tasks" },
      { name: "Data", description: "Imports, exports and statistics" },
      { name: "Users", description: "Accounts, roles, sessions and password resets" },
      { name: "Audit", description: "Who did what, when" },
      { name: "Models", description: "Model endpoints, generation and judge jobs" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (`arb_…`)" },
      },
      schemas: { Error: jsonSchema(errorBody, "output") },
      responses: {
        Error: {
          description: "An error in the REST error shape",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
