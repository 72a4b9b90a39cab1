import type { Message } from "./messages";

export interface PairResponse {
  externalId: string;
  model: string | null;
  content: string;
  /**
   * The answer as messages, when it is more than one assistant text: tool calls and their
   * results before the final answer (only assistant and tool messages).
   */
  messages?: Message[];
  /** One turn of a per-turn comparison: the conversation this side's turn answers. */
  context?: Message[];
}

/**
 * A stored response as a pair side. Its messages come along when they are an answer (assistant
 * turns with tool calls and their results); a continuation with user turns stays one text
 * unless it is exported turn by turn (its turns then arrive as separate responses).
 */
export function pairSide(r: {
  externalId: string;
  model: string | null;
  content: string;
  messages?: Message[] | null;
  context?: Message[];
}): PairResponse {
  const side: PairResponse = { externalId: r.externalId, model: r.model, content: r.content };
  if (r.messages && r.messages.every((m) => m.role === "assistant" || m.role === "tool")) side.messages = r.messages;
  if (r.context) side.context = r.context;
  return side;
}

/** A response's answer as conversational rows write it: its messages, else its text as one assistant message. */
export function answerMessages(response: PairResponse): Message[] {
  return response.messages ?? [{ role: "assistant", content: response.content }];
}

/** A preference between two responses to one prompt: what every paired export is made from. */
export interface PreferencePair {
  itemExternalId: string;
  prompt: Message[];
  promptFormat: "text" | "messages";
  chosen: PairResponse;
  rejected: PairResponse;
  /** Reward-model margin from the annotated strength, when the export asks for one. */
  margin?: number;
  /** K-wise rankings expand to C(K,2) pairs that share a group and split a weight of 1. */
  groupId?: string;
  weight?: number;
  /** The LLM judge(s) whose verdict this pair is, in an ai-judgements export (RLAIF data). */
  judge?: string;
  /** The item's format-specific source material (e.g. HH-RLHF prefix and suffixes). */
  source?: Record<string, unknown> | null;
  /** Per-turn comparison: which assistant turn (1-based) the pair compares; the prompt holds the turns before it. */
  turn?: number;
}
