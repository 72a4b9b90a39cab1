import { z } from "zod";
import type { ImportedItem, ImportedResponse, ParsedRecord } from "./import-types";
import { continuationText } from "@/server/domain/turns";
import { continuationProblems } from "./continuation";
import { conversationSchema, type Message, messageSchema, toolCallIssues } from "./messages";
import {
  extraKeys,
  externalIdOf,
  externalIdSchema,
  parseJsonRows,
  problemRecord,
  requiredAs,
} from "./json-rows";
import { zodProblems } from "./native-jsonl";

const KNOWN_KEYS = ["id", "prompt", "chosen", "rejected", "tools"] as const;

/** TRL refuses these next to chosen/rejected (reference/formats.md), so they mean a different dataset type. */
const NOT_PAIRED: Record<string, string> = {
  label:
    "Rows with a label are unpaired (KTO/BCO) preference rows; pair them as {prompt, chosen, rejected}",
  completion: "Rows with a completion are prompt-completion rows, not preference pairs",
  messages: "Rows with messages are language-modeling rows, not preference pairs",
};

const SAME_FORMAT = "Every text column of a row must use the same format as chosen";
const sameFormat = requiredAs(SAME_FORMAT);
const margin = z.number({ error: "margin must be a number" }).optional();

const standardRow = z.looseObject({
  id: externalIdSchema.optional(),
  prompt: z.string({ error: SAME_FORMAT }).optional(),
  chosen: z.string(requiredAs("chosen must be a string or a list of messages")),
  rejected: z.string(sameFormat),
  margin,
});

const conversation = z
  .array(messageSchema, sameFormat)
  .min(1, { error: "Needs at least one message" });
const conversationalRow = z.looseObject({
  id: externalIdSchema.optional(),
  prompt: conversationSchema({ required: SAME_FORMAT, empty: "Needs at least one message" }).optional(),
  chosen: conversation,
  rejected: conversation,
  margin,
  /** TRL's tool-calling rows: the JSON schemas of the functions the conversation may call. */
  tools: z.array(z.record(z.string(), z.unknown()), { error: "tools must be a list of function schemas" }).optional(),
});

/** TRL preference rows: explicit or implicit prompt, standard (strings) or conversational. */
export function parseTrlJsonl(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  return parseJsonRows(chunks, parseTrlRow, options);
}

export function parseTrlRow(value: unknown, line: number, text: string): ParsedRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return problemRecord(line, null, "Expected a JSON object with chosen and rejected");
  }
  for (const [key, message] of Object.entries(NOT_PAIRED)) {
    if (key in value) return problemRecord(line, key, message);
  }
  if (!("chosen" in value) && !("rejected" in value) && "prompt" in value) {
    return promptOnlyRow(value as Record<string, unknown>, line, text);
  }
  const conversational = Array.isArray((value as { chosen?: unknown }).chosen);
  const parsed = (conversational ? conversationalRow : standardRow).safeParse(value);
  if (!parsed.success) return { line, problems: zodProblems(parsed.error, line) };
  const row = parsed.data;

  let split: Split | Failure;
  if (typeof row.chosen === "string" && typeof row.rejected === "string") {
    const prompt = typeof row.prompt === "string" ? row.prompt : undefined;
    split =
      prompt === undefined
        ? splitText(row.chosen, row.rejected)
        : textPair(prompt, row.chosen, row.rejected);
  } else if (Array.isArray(row.chosen) && Array.isArray(row.rejected)) {
    const prompt = Array.isArray(row.prompt) ? row.prompt : undefined;
    split =
      prompt === undefined
        ? splitConversations(row.chosen, row.rejected)
        : explicitConversation(prompt, row.chosen, row.rejected);
  } else {
    split = { field: "rejected", message: SAME_FORMAT };
  }
  if ("message" in split) return problemRecord(line, split.field, split.message);
  // A tool message must answer a call made before it: in the opening an implicit row shares
  // (which no prompt column validated), and in each answer, counting the prompt's calls.
  const opening =
    split.offset > 0
      ? toolCallIssues(split.prompt).map((i) => ({ line, field: `chosen.${i.index}.${i.field}`, message: i.message }))
      : [];
  const continuations = [
    ...opening,
    ...(split.messages
      ? (["chosen", "rejected"] as const).flatMap((side, i) =>
          continuationProblems(split.prompt, split.messages?.[i] ?? [], line, side, split.offset),
        )
      : []),
  ];
  if (continuations.length > 0) return { line, problems: continuations.slice(0, 10) };

  const item: ImportedItem = {
    externalId: externalIdOf(row.id, text),
    prompt: split.prompt,
    promptFormat: split.promptFormat,
    responses: [response("1", split.chosen, split.messages?.[0]), response("2", split.rejected, split.messages?.[1])],
    metadata: extraKeys(row, KNOWN_KEYS),
    source: {
      format: "trl",
      preferred: "1",
      ...(row.prompt === undefined ? { implicitPrompt: true } : {}),
      ...("tools" in row && row.tools ? { tools: row.tools } : {}),
    },
  };
  return { line, item };
}

const promptOnly = z.looseObject({
  id: externalIdSchema.optional(),
  prompt: z.union(
    [z.string().min(1), conversation],
    requiredAs("prompt must be a string or a non-empty list of messages"),
  ),
});

/** TRL's prompt-only rows (GRPO, RLOO, online DPO): a prompt whose responses are generated later. */
function promptOnlyRow(value: Record<string, unknown>, line: number, text: string): ParsedRecord {
  const parsed = promptOnly.safeParse(value);
  if (!parsed.success) return { line, problems: zodProblems(parsed.error, line) };
  const { id, prompt } = parsed.data;
  const item: ImportedItem = {
    externalId: externalIdOf(id, text),
    prompt: typeof prompt === "string" ? [{ role: "user", content: prompt }] : prompt,
    promptFormat: typeof prompt === "string" ? "text" : "messages",
    responses: [],
    metadata: extraKeys(parsed.data, ["id", "prompt"]),
  };
  return { line, item };
}

interface Failure {
  field: string | null;
  message: string;
}

interface Split {
  prompt: Message[];
  promptFormat: "text" | "messages";
  chosen: string;
  rejected: string;
  /** The exact messages behind each response, when its text alone cannot restore them. */
  messages?: [Message[], Message[]];
  /** How many leading messages of the row's chosen/rejected went into the prompt (implicit rows). */
  offset: number;
}

function response(externalId: string, content: string, messages?: Message[]): ImportedResponse {
  return { externalId, model: null, contentKind: "text", content, ...(messages ? { messages } : {}) };
}

function textPair(prompt: string, chosen: string, rejected: string): Split {
  return { prompt: [{ role: "user", content: prompt }], promptFormat: "text", chosen, rejected, offset: 0 };
}

/**
 * A character-level common prefix would cut words ("The sky is bl" + "ue"), so the prompt ends
 * where the last whitespace run inside the common prefix starts; responses keep that whitespace,
 * as TRL's own completions do, and prompt + response is the original text exactly.
 */
function splitText(chosen: string, rejected: string): Split | Failure {
  let common = 0;
  while (common < chosen.length && common < rejected.length && chosen[common] === rejected[common])
    common++;
  let cut = common - 1;
  while (cut >= 0 && !/\s/.test(chosen.charAt(cut))) cut--;
  while (cut > 0 && /\s/.test(chosen.charAt(cut - 1))) cut--;
  if (cut <= 0)
    return {
      field: null,
      message:
        "chosen and rejected share no leading text to use as the prompt; add a prompt column",
    };
  return textPair(chosen.slice(0, cut), chosen.slice(cut), rejected.slice(cut));
}

function explicitConversation(
  prompt: Message[],
  chosen: Message[],
  rejected: Message[],
): Split | Failure {
  for (const [name, messages] of [
    ["chosen", chosen],
    ["rejected", rejected],
  ] as const) {
    const index = messages.findIndex((m) => m.role === "user" || m.role === "system");
    if (index !== -1) {
      return {
        field: `${name}.${index}.role`,
        message: `With a prompt column, ${name} holds only the answer turns`,
      };
    }
  }
  return conversationSplit(prompt, chosen, rejected, 0);
}

/** Whole conversations: the prompt is their shared opening, and each keeps at least its last turn. */
function splitConversations(chosen: Message[], rejected: Message[]): Split | Failure {
  const limit = Math.min(chosen.length, rejected.length) - 1;
  let shared = 0;
  while (shared < limit && sameMessage(chosen[shared], rejected[shared])) shared++;
  if (shared === 0) {
    return {
      field: null,
      message:
        "chosen and rejected share no opening messages to use as the prompt; add a prompt column",
    };
  }
  return conversationSplit(chosen.slice(0, shared), chosen.slice(shared), rejected.slice(shared), shared);
}

function sameMessage(a: Message | undefined, b: Message | undefined): boolean {
  return a !== undefined && b !== undefined && a.role === b.role && JSON.stringify(a.content) === JSON.stringify(b.content);
}

/**
 * A response that is one assistant message without tool calls is stored as its text; any other
 * (several turns, tool calls and results) keeps its messages too, with their text for text-only uses.
 */
function conversationSplit(prompt: Message[], chosen: Message[], rejected: Message[], offset: number): Split {
  const plain = (m: Message[]) => m.length === 1 && m[0]?.role === "assistant" && !m[0].tool_calls;
  return {
    prompt,
    promptFormat: "messages",
    chosen: continuationText(chosen),
    rejected: continuationText(rejected),
    offset,
    ...(plain(chosen) && plain(rejected) ? {} : { messages: [chosen, rejected] }),
  };
}
