import { z } from "zod";
import type { ImportedItem, ParsedRecord } from "./import-types";
import { conversationSchema } from "./messages";
import { extraKeys, externalIdOf, externalIdSchema, parseJsonRows, requiredAs } from "./json-rows";
import { zodProblems } from "./native-jsonl";

const KNOWN_KEYS = ["id", "input", "preferred_output", "non_preferred_output"] as const;

const outputSchema = z
  .array(
    z.strictObject({
      role: z.literal("assistant", { error: "Outputs must be assistant messages" }),
      content: z.string(),
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
  const item: ImportedItem = {
    externalId: externalIdOf(row.id, text),
    prompt: row.input.messages,
    promptFormat: "messages",
    responses: [
      {
        externalId: "1",
        model: null,
        contentKind: "text",
        content: joinContent(row.preferred_output),
      },
      {
        externalId: "2",
        model: null,
        contentKind: "text",
        content: joinContent(row.non_preferred_output),
      },
    ],
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

function joinContent(messages: { content: string }[]): string {
  return messages.map((m) => m.content).join("");
}
