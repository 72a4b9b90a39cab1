import type { z } from "zod";

/** One REST v1 operation as the OpenAPI document describes it. */
export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path template, e.g. `/api/v1/campaigns/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Campaigns" | "Tasks" | "Data" | "Users" | "Audit" | "Models";
  tier: "user" | "admin";
  /** Name of the `{id}` path parameter's noun, when the path has one. */
  idOf?: "campaign" | "assignment" | "user" | "model endpoint" | "job";
  /** Path parameters after `{id}`, e.g. `{user_id}` of a campaign member. */
  subIds?: { name: string; description: string }[];
  query?: { name: string; description: string; enum?: readonly string[]; default?: string }[];
  body?: { schema: z.ZodType } | { binary: string };
  responses: Record<number, { description: string; schema?: z.ZodType; binary?: string }>;
}
