/** The parts of the OpenAPI document the docs page renders; shared by the explorer and Try it. */

interface Parameter {
  name: string;
  in: "path" | "query";
  description?: string;
  schema: { enum?: string[]; default?: string };
}
export interface ApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema: unknown }>; $ref?: string }
  >;
}
export interface ApiDocument {
  info: { title: string; description: string };
  paths: Record<string, Record<string, ApiOperation>>;
}
