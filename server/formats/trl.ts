import type { Message } from "./messages";

/** A preference between two responses to one prompt: what every paired export is made from. */
export interface PreferencePair {
  prompt: Message[];
  promptFormat: "text" | "messages";
  chosen: string;
  rejected: string;
  margin?: number;
}

export type TrlExplicitRow =
  | { prompt: string; chosen: string; rejected: string; margin?: number }
  | { prompt: Message[]; chosen: Message[]; rejected: Message[]; margin?: number };

/**
 * TRL's explicit-prompt preference row (reference/formats.md). A prompt that arrived as a plain
 * string exports in the standard format, text kept exactly as annotated; a conversation exports
 * in the conversational format with only the assistant turn in chosen/rejected. Never a label.
 */
export function toTrlExplicitRow(pair: PreferencePair): TrlExplicitRow {
  const margin = pair.margin === undefined ? {} : { margin: pair.margin };
  const first = pair.prompt[0];
  if (pair.promptFormat === "text" && pair.prompt.length === 1 && first) {
    return { prompt: first.content, chosen: pair.chosen, rejected: pair.rejected, ...margin };
  }
  return {
    prompt: pair.prompt,
    chosen: [{ role: "assistant", content: pair.chosen }],
    rejected: [{ role: "assistant", content: pair.rejected }],
    ...margin,
  };
}
