import { z } from "zod";
import type { ImportedItem, ParsedRecord } from "./import-types";
import type { Message } from "./messages";
import {
  extraKeys,
  externalIdOf,
  externalIdSchema,
  parseJsonRows,
  problemRecord,
  requiredAs,
} from "./json-rows";
import { zodProblems } from "./native-jsonl";

const HUMAN = "\n\nHuman:";
const ASSISTANT = "\n\nAssistant:";
const KNOWN_KEYS = ["id", "chosen", "rejected"] as const;

const hhRowSchema = z.looseObject({
  id: externalIdSchema.optional(),
  chosen: z.string(requiredAs("chosen must be a transcript string")),
  rejected: z.string(requiredAs("rejected must be a transcript string")),
});

/** Anthropic HH-RLHF: two whole transcripts per line, usually differing only in the last answer. */
export function parseHhRlhfJsonl(
  chunks: AsyncIterable<Uint8Array>,
  options: { maxLineBytes?: number } = {},
): AsyncGenerator<ParsedRecord> {
  return parseJsonRows(chunks, parseHhRlhfRow, options);
}

export function parseHhRlhfRow(value: unknown, line: number, text: string): ParsedRecord {
  const parsed = hhRowSchema.safeParse(value);
  if (!parsed.success) return { line, problems: zodProblems(parsed.error, line) };
  const { chosen, rejected } = parsed.data;
  const problems = (["chosen", "rejected"] as const)
    .filter((field) => !parsed.data[field].startsWith(HUMAN))
    .map((field) => ({
      line,
      field,
      message: `The ${field} transcript must start with "\\n\\nHuman:"`,
    }));
  if (problems.length > 0) return { line, problems };

  const cut = sharedConversationEnd(chosen, rejected);
  if (cut === 0) {
    return problemRecord(
      line,
      null,
      "chosen and rejected differ in their first turn, so they share no conversation",
    );
  }
  const prefix = chosen.slice(0, cut);
  const suffixes = { "1": chosen.slice(cut), "2": rejected.slice(cut) };
  const item: ImportedItem = {
    externalId: externalIdOf(parsed.data.id, text),
    prompt: transcriptToMessages(prefix),
    promptFormat: "messages",
    responses: [
      { externalId: "1", model: null, contentKind: "text", content: answerText(suffixes["1"]) },
      { externalId: "2", model: null, contentKind: "text", content: answerText(suffixes["2"]) },
    ],
    metadata: extraKeys(parsed.data, KNOWN_KEYS),
    // Export rebuilds each transcript as prefix + suffix; the messages above lose spacing.
    source: { format: "hh-rlhf", prefix, suffixes, preferred: "1" },
  };
  return { line, item };
}

function isTurnStart(text: string, index: number): boolean {
  return text.startsWith(HUMAN, index) || text.startsWith(ASSISTANT, index);
}

/**
 * The longest common prefix that ends where a turn starts in both transcripts. It stops before
 * the last turn of either, so identical transcripts, or one that continues the other, still
 * leave each response its final answer rather than an empty rest.
 */
export function sharedConversationEnd(chosen: string, rejected: string): number {
  let common = 0;
  const limit = Math.min(chosen.length, rejected.length);
  while (common < limit && chosen.charCodeAt(common) === rejected.charCodeAt(common)) common++;
  let at = chosen.lastIndexOf("\n\n", Math.min(common, chosen.length - 1, rejected.length - 1));
  while (at > 0 && !(isTurnStart(chosen, at) && isTurnStart(rejected, at))) {
    at = chosen.lastIndexOf("\n\n", at - 1);
  }
  return Math.max(at, 0);
}

/** Splits a transcript at its turn starts; text before the first turn cannot occur (checked above). */
export function transcriptToMessages(transcript: string): Message[] {
  const messages: Message[] = [];
  let start = 0;
  while (start < transcript.length) {
    const human = transcript.startsWith(HUMAN, start);
    const marker = human ? HUMAN : ASSISTANT;
    let next = transcript.indexOf("\n\n", start + marker.length);
    while (next !== -1 && !isTurnStart(transcript, next))
      next = transcript.indexOf("\n\n", next + 1);
    const end = next === -1 ? transcript.length : next;
    messages.push({
      role: human ? "user" : "assistant",
      content: dropMarker(transcript.slice(start, end), marker),
    });
    start = end;
  }
  return messages;
}

/** A response's text: its turn marker and one separating space go; any later turns stay verbatim. */
function answerText(suffix: string): string {
  return suffix.startsWith(ASSISTANT) ? dropMarker(suffix, ASSISTANT) : suffix;
}

function dropMarker(turn: string, marker: string): string {
  const rest = turn.slice(marker.length);
  return rest.startsWith(" ") ? rest.slice(1) : rest;
}
