import { CONTINUATION_ROLES, MAX_TURNS, splitTurns } from "@/server/domain/turns";
import { toolCallIssues, type Message } from "./messages";

export interface ContinuationIssue {
  /** The message's index within the continuation; null for the continuation as a whole. */
  index: number | null;
  field: string | null;
  message: string;
}

/**
 * What makes a response's messages unusable as a continuation of its prompt (DESIGN §16): a
 * role other than assistant, user or tool; no assistant message at all; too many turns; or a
 * tool message that answers no call made before it (in the prompt or earlier in the response).
 */
export function continuationIssues(prompt: readonly Message[], messages: readonly Message[]): ContinuationIssue[] {
  const issues: ContinuationIssue[] = [];
  messages.forEach((m, index) => {
    if (!CONTINUATION_ROLES.some((role) => role === m.role))
      issues.push({ index, field: "role", message: `A response continues the conversation with ${CONTINUATION_ROLES.join(", ")} messages, not ${m.role}` });
  });
  if (!messages.some((m) => m.role === "assistant"))
    issues.push({ index: null, field: null, message: "A response needs at least one assistant message" });
  const turns = splitTurns(messages).length;
  if (turns > MAX_TURNS)
    issues.push({ index: null, field: null, message: `A response may hold at most ${MAX_TURNS} assistant turns, not ${turns}` });
  for (const issue of toolCallIssues([...prompt, ...messages])) {
    if (issue.index >= prompt.length) issues.push({ ...issue, index: issue.index - prompt.length });
  }
  return issues;
}

/**
 * The issues as import problems under a field prefix (`responses.0.messages`, `chosen`), with
 * message indexes counted from `offset` (a row whose first messages went into the prompt).
 */
export function continuationProblems(
  prompt: readonly Message[],
  messages: readonly Message[],
  line: number,
  prefix: string,
  offset = 0,
): { line: number; field: string; message: string }[] {
  return continuationIssues(prompt, messages).map((issue) => ({
    line,
    field: [prefix, issue.index === null ? null : issue.index + offset, issue.field].filter((p) => p !== null).join("."),
    message: issue.message,
  }));
}
