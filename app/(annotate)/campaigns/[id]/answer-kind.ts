import type { ComponentType, ReactNode } from "react";
import type { ContentKind } from "@/db/schema/items";
import type { Message } from "@/server/formats/messages";
import type { KeyBinding } from "./key-map";

export interface TaskViewProps<T, A> {
  assignmentId?: string;
  /** The article's accessible name; the edit of a previous answer is not "Task". */
  label?: string;
  prompt: Pick<Message, "role" | "content" | "tool_calls" | "tool_call_id" | "name">[];
  responses: { id: string; content: string; contentKind?: ContentKind; messages?: Message[] }[];
  template: T;
  answer: A;
  onChange: (answer: A) => void;
  onSubmit: () => void;
  /** The task's key map: controls show their key and take `aria-keyshortcuts` from it. */
  keys: KeyBinding[];
  /** Why Submit is disabled, shown next to it; null when the answer is complete. */
  problem: string | null;
  submitting: boolean;
  error?: string | null;
  /** Set when submitting again cannot help (e.g. the task was given away): Submit stays off. */
  closed?: boolean;
  /** More controls for the verdict bar (skip, cancel, next task), each showing its key. */
  actions?: ReactNode;
}

/**
 * Everything the screen needs to know about one template kind: how an answer is read back from
 * a draft or a stored payload, when it is complete, what it sends, its keys and its view.
 */
export interface AnswerKind<T, A> {
  /** A draft, or a stored payload when an earlier answer is edited, as far as it fits. */
  fromDraft: (draft: unknown, template: T, responseIds: string[]) => A;
  problem: (answer: A, template: T, responseIds: string[]) => string | null;
  toPayload: (answer: A, template: T, responseIds: string[]) => Record<string, unknown>;
  /** Null when nothing was touched, so an untouched task writes no draft. */
  toDraft: (answer: A) => unknown;
  keys: (template: T, responseIds: string[]) => KeyBinding[];
  /** The answer after a key of `keys` (by binding id), or null when it does not change it. */
  afterKey: (id: string, key: string, answer: A, template: T, responseIds: string[]) => A | null;
  View: ComponentType<TaskViewProps<T, A>>;
}
