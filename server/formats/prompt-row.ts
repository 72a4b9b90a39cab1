import type { Message } from "./messages";
import { exportedPrompt, type RankedItem } from "./ranking-pairs";

/** A prompt-only row for online methods (GRPO, RLOO), which generate their own completions. */
export type PromptRow = { prompt: string | Message[] };

/** A text prompt stays text; a conversation (or any prompt in a conversational file) a message list. */
export function toPromptRow(item: Pick<RankedItem, "prompt" | "promptFormat">): PromptRow {
  return { prompt: exportedPrompt(item) };
}
