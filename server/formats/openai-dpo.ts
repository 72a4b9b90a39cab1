import type { Message } from "./messages";
import { answerMessages, type PreferencePair } from "./preference-pair";

export type OpenAiDpoRow = {
  input: { messages: Message[]; tools?: unknown[]; parallel_tool_calls?: boolean };
  /** The final assistant message, after any tool calls and results it made (roles assistant/tool). */
  preferred_output: Message[];
  non_preferred_output: Message[];
};

/**
 * OpenAI's preference fine-tuning row. The prompt is already a message list (a text prompt is
 * stored as one user message). OpenAI validates the upload strictly, so no extra columns
 * (margin, group, weight) are added; tool definitions that came with an OpenAI import are
 * put back under `input`, since the preferred outputs may only make sense with them.
 */
export function toOpenAiDpoRow(pair: PreferencePair): OpenAiDpoRow {
  const input: OpenAiDpoRow["input"] = { messages: pair.prompt };
  const source = pair.source;
  if (source && Array.isArray(source.tools)) input.tools = source.tools;
  if (source && typeof source.parallel_tool_calls === "boolean") {
    input.parallel_tool_calls = source.parallel_tool_calls;
  }
  return {
    input,
    preferred_output: answerMessages(pair.chosen),
    non_preferred_output: answerMessages(pair.rejected),
  };
}
