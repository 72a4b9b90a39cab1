import type { Message } from "./messages";

export interface PairResponse {
  externalId: string;
  model: string | null;
  content: string;
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
}
