import { z } from "zod";
import type { ImportedItem, ParsedRecord } from "./import-types";
import { continuationText } from "@/server/domain/turns";
import { continuationProblems } from "./continuation";
import { conversationSchema, toolCallSchema, type Message } from "./messages";
import { extraKeys, externalIdOf, externalIdSchema, parseJsonRows, requiredAs } from "./json-rows";
import { zodProblems } from "./native-jsonl";

const KNOWN_KEYS = ["id", "input", "preferred_output", "non_preferred_output"] as const;

/**
 * The final assistant message(s): an assistant's tool calls and the tool results they got may
 * come before the answer (reference/formats.md: roles assistant and tool only).
 */
const outputSchema = z
  .array(
    z.strictObject({
      role: z.enum(["assistant", "tool"], { error: "Outputs hold assistant messages (and the tool results they called for)" }),
      content: z.string(),
      tool_calls: toolCallSchema.array().min(1).optional(),
      tool_call_id: z.string().min(1).max(200).optional(),
    }),
    requiredAs("Expected a list of assistant messages"),
  )
  .min(1, { error: "Needs at least one assistant message" });

const openAiDpoSchema = z.looseObject({
  id: externalIdSchema.optional(),
  input: z.looseObject(
    {
      messages: conversationSchema({ required: "Expected a list of messages", empty: "Needs at least one message" }),
      tools: z.array(z.unknown()).optional(),
      parallel_tool_calls: z.boolean().optional(),
    },
    requiredAs("Expected an object with messages"),
  ),
  preferred_output: outputSchema,
  non_preferred_output: outputSchema,
});

/** OpenAI preference fine-tuning rows (reference/formats.md). */
export function parseOpenAiDpoJsonl(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  return parseJsonRows(chunks, parseOpenAiDpoRow, options);
}

export function parseOpenAiDpoRow(value: unknown, line: number, text: string): ParsedRecord {
  const parsed = openAiDpoSchema.safeParse(value);
  if (!parsed.success) return { line, problems: zodProblems(parsed.error, line) };
  const row = parsed.data;
  const { tools, parallel_tool_calls } = row.input;
  const outputs = { preferred_output: row.preferred_output, non_preferred_output: row.non_preferred_output };
  // A tool result must answer a call made before it, in the input or earlier in the output.
  const continuations = Object.entries(outputs).flatMap(([field, messages]) =>
    continuationProblems(row.input.messages, messages, line, field),
  );
  if (continuations.length > 0) return { line, problems: continuations.slice(0, 10) };
  const item: ImportedItem = {
    externalId: externalIdOf(row.id, text),
    prompt: row.input.messages,
    promptFormat: "messages",
    responses: [output("1", row.preferred_output), output("2", row.non_preferred_output)],
    metadata: extraKeys(row, KNOWN_KEYS),
    // Tools shape what the model could answer, so an export back to OpenAI must carry them.
    source: {
      format: "openai-dpo",
      preferred: "1",
      ...(tools === undefined ? {} : { tools }),
      ...(parallel_tool_calls === undefined ? {} : { parallel_tool_calls }),
    },
  };
  return { line, item };
}

/** An output of plain assistant text is stored as that text; one with tool turns keeps its messages too. */
function output(externalId: string, messages: Message[]): ImportedItem["responses"][number] {
  const plain = messages.every((m) => m.role === "assistant" && !m.tool_calls);
  return {
    externalId,
    model: null,
    contentKind: "text",
    content: continuationText(messages),
    ...(plain ? {} : { messages }),
  };
}
