import type { z } from "zod";
import { AppError } from "@/server/errors";
import { bodyChunks } from "./streams";

/** JSON bodies carry settings and answers, never files: 1 MiB is generous. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON request body and validates it with a (strict) zod schema. Only JSON content
 * types are accepted (DESIGN §10: a form post from another site cannot pass as JSON), the size
 * is checked while reading, and every failure is a 4xx in the REST error shape.
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const contentType =
    (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (
    contentType !== "application/json" &&
    !/^application\/[a-z0-9.+-]*\+json$/.test(contentType)
  ) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the body as JSON (Content-Type: application/json)",
    );
  }
  const bytes = await readBodyBytes(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
  return schema.parse(value) as z.output<S>;
}

/**
 * A request body of at most `maxBytes`, else PAYLOAD_TOO_LARGE. The size is checked while
 * reading, so no more than the limit is ever held in memory, whatever Content-Length says.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bodyChunks(request)) {
    total += chunk.length;
    // Stop reading at once: a client that lies about (or omits) Content-Length gets no further.
    if (total > maxBytes) {
      await request.body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `JSON bodies are limited to ${maxBytes} bytes`);
}
