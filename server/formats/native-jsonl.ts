import { createHash } from "node:crypto";
import { z } from "zod";
import type { ImportedItem, ImportProblem, ParsedRecord } from "./import-types";
import { continuationProblems } from "./continuation";
import { conversationSchema, messageSchema, promptToMessages, stringOrList } from "./messages";
import { continuationText } from "@/server/domain/turns";
import { readLines } from "./read-lines";
import { MAX_STEPS, STEP_JOINER } from "@/server/domain/steps";

/** Media is loaded by the annotator's browser: only web addresses (no javascript:, data:, file:). */
function webUrl(field: string) {
  return z.url({ protocol: /^https?$/, error: `${field} must be an http:// or https:// URL` });
}

const responseSchema = z
  .strictObject({
    id: z.union([z.string().min(1).max(200), z.number().int()]).optional(),
    model: z.string().max(200).nullable().optional(),
    content: z.string().optional(),
    /** DESIGN §16: a response made of steps, in place of `content`. */
    steps: z.array(z.string().trim().min(1, "A step may not be empty")).min(1).max(MAX_STEPS).optional(),
    /**
     * DESIGN §16: a response that continues the conversation (assistant turns, user follow-ups,
     * tool calls and their results), in place of `content`.
     */
    messages: z.array(messageSchema).min(1, { error: "messages needs at least one message" }).max(200).optional(),
    image_url: webUrl("image_url").optional(),
    audio_url: webUrl("audio_url").optional(),
    /** A reasoning model's thinking, under either name trainers and APIs use for it. */
    reasoning_content: z.string().optional(),
    thinking: z.string().optional(),
  })
  .refine((r) => [r.content, r.steps, r.messages, r.image_url, r.audio_url].filter((v) => v !== undefined).length === 1, {
    message: "A response needs exactly one of content, steps, messages, image_url or audio_url",
  })
  .refine((r) => r.reasoning_content === undefined || r.thinking === undefined, {
    message: "A response has one reasoning: reasoning_content or thinking, not both",
  });

/** DESIGN §7, the native format: one item per line. */
export const nativeItemSchema = z.strictObject({
  id: z.union([z.string().min(1).max(200), z.number().int()]).optional(),
  // Zod's own message for a failed union is "Invalid input", which tells a person nothing.
  prompt: stringOrList(
    conversationSchema({ required: "prompt must be a list of messages", empty: "prompt needs at least one message" }),
    "prompt must be a string or a non-empty list of {role, content} messages",
  ),
  /** Left out (or empty) for a prompt whose responses a generation job will produce. */
  responses: z.array(responseSchema).max(9).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** JSON schemas of the functions the prompt's tool calls use (exported as TRL's `tools`). */
  tools: z.array(z.record(z.string(), z.unknown())).max(128).optional(),
  gold: z.unknown().optional(),
  /** Markdown shown with the expected answer when the campaign gives gold feedback. */
  gold_explanation: z.string().min(1).max(20_000).optional(),
});

export async function* parseNativeJsonl(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  for await (const entry of readLines(chunks, options)) {
    if ("problem" in entry) {
      yield { line: entry.line, problems: [entry.problem] };
      continue;
    }
    yield parseNativeLine(entry.text, entry.line);
  }
}

export function parseNativeLine(text: string, line: number): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return { line, problems: [{ line, field: null, message: `Not valid JSON: ${reason}` }] };
  }
  const parsed = nativeItemSchema.safeParse(value);
  if (!parsed.success) return { line, problems: zodProblems(parsed.error, line) };
  const row = parsed.data;
  const { messages, format } = promptToMessages(row.prompt);
  const responses = (row.responses ?? []).map((r, index) => ({
    externalId: r.id === undefined ? String(index + 1) : String(r.id),
    model: r.model ?? null,
    contentKind: r.image_url ? ("image" as const) : r.audio_url ? ("audio" as const) : ("text" as const),
    content: r.content ?? r.steps?.join(STEP_JOINER) ?? (r.messages && continuationText(r.messages)) ?? r.image_url ?? r.audio_url ?? "",
    ...(r.steps ? { steps: r.steps } : {}),
    ...(r.messages ? { messages: r.messages } : {}),
    ...((r.reasoning_content ?? r.thinking) !== undefined ? { reasoning: r.reasoning_content ?? r.thinking } : {}),
  }));
  const continuations = (row.responses ?? []).flatMap((r, index) =>
    r.messages ? continuationProblems(messages, r.messages, line, `responses.${index}.messages`) : [],
  );
  if (continuations.length > 0) return { line, problems: continuations.slice(0, 10) };
  const responseIds = new Set(responses.map((r) => r.externalId));
  if (responseIds.size !== responses.length) {
    return { line, problems: [{ line, field: "responses", message: "Response ids repeat within the item" }] };
  }
  if (row.gold_explanation !== undefined && row.gold === undefined) {
    return {
      line,
      problems: [{ line, field: "gold_explanation", message: "gold_explanation belongs to a gold item: give gold too" }],
    };
  }
  const item: ImportedItem = {
    externalId: row.id === undefined ? contentId(text) : String(row.id),
    prompt: messages,
    promptFormat: format,
    responses,
    metadata: row.metadata ?? {},
    ...(row.tools === undefined ? {} : { source: { tools: row.tools } }),
    ...(row.gold === undefined ? {} : { gold: row.gold }),
    ...(row.gold_explanation === undefined ? {} : { goldExplanation: row.gold_explanation }),
  };
  return { line, item };
}

/** Items without an id get one derived from their content, so re-importing them is a no-op. */
function contentId(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
}

export function zodProblems(error: z.ZodError, line: number): ImportProblem[] {
  return error.issues.slice(0, 10).map((issue) => ({
    line,
    field: issue.path.length ? issue.path.join(".") : null,
    message: issue.message,
  }));
}
