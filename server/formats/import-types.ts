import type { ContentKind, PromptFormat } from "@/server/domain/item-kinds";
import type { Message } from "./messages";

export interface ImportedResponse {
  externalId: string;
  model: string | null;
  contentKind: ContentKind;
  content: string;
  /** Explicit steps (native `steps` array); `content` is then the steps joined by blank lines. */
  steps?: string[];
  /** The model's reasoning before its answer, never part of `content`. */
  reasoning?: string;
  /** A continuation of the prompt (turns, tool calls and results); `content` is then their text. */
  messages?: Message[];
}

/** One item as every import format produces it, ready to store. */
export interface ImportedItem {
  externalId: string;
  prompt: Message[];
  promptFormat: PromptFormat;
  responses: ImportedResponse[];
  metadata: Record<string, unknown>;
  /** Expected answer for gold items, in the judgement payload shape with response external ids. */
  gold?: unknown;
  /** The guideline passage (markdown) an annotator is shown with the gold answer, if enabled. */
  goldExplanation?: string;
  /** Raw material an export needs to reproduce the source byte for byte. */
  source?: Record<string, unknown>;
}

export interface ImportProblem {
  /** 1-based line (or CSV record) number in the uploaded file; 0 for whole-file problems. */
  line: number;
  /** The offending field, dotted (`responses.1.content`), or null for the whole line. */
  field: string | null;
  message: string;
}

export type ParsedRecord = { line: number; item: ImportedItem } | { line: number; problems: ImportProblem[] };

export const IMPORT_FORMATS = ["native", "trl", "hh-rlhf", "openai-dpo", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
