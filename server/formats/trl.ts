import type { Message } from "./messages";
import { answerMessages, type PreferencePair } from "./preference-pair";

export type TrlExplicitRow =
  | { prompt: string; chosen: string; rejected: string; margin?: number }
  | { prompt: Message[]; chosen: Message[]; rejected: Message[]; margin?: number };

/** Extra columns TRL ignores; only present when they carry information. */
export function trlExtras(pair: PreferencePair): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  // TRL's tool-calling rows: the functions' JSON schemas, for the chat template to render.
  if (Array.isArray(pair.source?.tools)) extras.tools = pair.source.tools;
  if (pair.margin !== undefined) extras.margin = pair.margin;
  // Per-turn rows: which assistant turn of the conversation the row compares (TRL ignores it).
  if (pair.turn !== undefined) extras.turn = pair.turn;
  if (pair.groupId !== undefined) extras.group_id = pair.groupId;
  if (pair.weight !== undefined) extras.weight = pair.weight;
  if (pair.judge !== undefined) extras.judge = pair.judge;
  return extras;
}

/** True when the prompt arrived as a plain string and so exports in TRL's standard format. */
export function isStandardPrompt(pair: PreferencePair): boolean {
  return pair.promptFormat === "text" && pair.prompt.length === 1;
}

/**
 * TRL's explicit-prompt preference row (reference/formats.md). A prompt that arrived as a plain
 * string exports in the standard format, text kept exactly as annotated; a conversation exports
 * in the conversational format with only the assistant turn in chosen/rejected (with its tool
 * calls and their results, when it made some). Never a label.
 */
export function toTrlExplicitRow(pair: PreferencePair): TrlExplicitRow {
  const first = pair.prompt[0];
  if (isStandardPrompt(pair) && first && typeof first.content === "string") {
    return {
      prompt: first.content,
      chosen: pair.chosen.content,
      rejected: pair.rejected.content,
      ...trlExtras(pair),
    };
  }
  return {
    prompt: pair.prompt,
    chosen: answerMessages(pair.chosen),
    rejected: answerMessages(pair.rejected),
    ...trlExtras(pair),
  };
}
