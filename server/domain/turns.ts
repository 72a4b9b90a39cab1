import { messageText } from "@/server/formats/message-text";
import type { Message } from "@/server/formats/messages";

/**
 * Per-turn comparison (DESIGN §16). A response may be a multi-turn continuation of its prompt:
 * the assistant answers, the user follows up, the assistant answers again (with tool calls and
 * their results in between). The one source for how such a continuation is cut into assistant
 * turns and which turns of two responses are compared: the payload check, the screen and the
 * per-turn export rows all read it from here.
 */

/** Most assistant turns a continuation may hold: more is not something a person judges turn by turn. */
export const MAX_TURNS = 20;

/** The roles a continuation may hold: what comes after the prompt, never a new system message. */
export const CONTINUATION_ROLES = ["assistant", "user", "tool"] as const;

export interface Turn {
  /** What opens the turn: the user's follow-up (empty for the first turn, whose question ends the prompt). */
  opening: Message[];
  /** What the assistant did in the turn: its messages, with any tool calls and their results. */
  answer: Message[];
}

/** What the turn helpers read of a response: its text, and its messages when it was imported as a continuation. */
export interface ContinuationSource {
  content: string;
  messages?: readonly Message[] | null;
}

/** A response's continuation as messages: the stored messages, else its text as one assistant message. */
function continuationOf(response: ContinuationSource): Message[] {
  if (response.messages && response.messages.length > 0) return [...response.messages];
  return [{ role: "assistant", content: response.content }];
}

/**
 * Cuts a continuation into assistant turns. A turn ends where a user message follows the
 * assistant's messages; tool results belong to the turn whose call they answer. A user message
 * at the end that nobody answered is no turn.
 */
export function splitTurns(messages: readonly Message[]): Turn[] {
  const turns: Turn[] = [];
  let current: Turn = { opening: [], answer: [] };
  for (const message of messages) {
    if (message.role === "user" || message.role === "system") {
      if (current.answer.length > 0) {
        turns.push(current);
        current = { opening: [], answer: [] };
      }
      current.opening.push(message);
    } else {
      current.answer.push(message);
    }
  }
  if (current.answer.length > 0) turns.push(current);
  return turns;
}

export function responseTurns(response: ContinuationSource): Turn[] {
  return splitTurns(continuationOf(response));
}

const same = (a: readonly Message[], b: readonly Message[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How many turns two responses are compared on: the leading turns both have, as long as the
 * same user message opens them (a different follow-up asks a different question, so the
 * answers no longer compare). A longer response's further turns are shown, not judged.
 * Never 0: every response has a first assistant turn.
 */
export function comparedTurnCount(a: readonly Turn[], b: readonly Turn[]): number {
  let count = 0;
  while (count < a.length && count < b.length && count < MAX_TURNS) {
    const x = a[count];
    const y = b[count];
    if (!x || !y || !same(x.opening, y.opening)) break;
    count++;
  }
  return Math.max(1, count);
}

/** The compared turn count of an item's two responses (in any order). */
export function itemTurnCount(responses: readonly ContinuationSource[]): number {
  const [a, b] = responses;
  if (!a || !b) return 1;
  return comparedTurnCount(responseTurns(a), responseTurns(b));
}

/**
 * The conversation a turn answers, as one side had it: the item's prompt, that side's earlier
 * turns in full, and the user message that opens this turn.
 */
export function turnContext(prompt: readonly Message[], turns: readonly Turn[], index: number): Message[] {
  const earlier = turns.slice(0, index).flatMap((t) => [...t.opening, ...t.answer]);
  return [...prompt, ...earlier, ...(turns[index]?.opening ?? [])];
}

/** One text for a continuation, for screens and exports that show text only; speakers named when several speak. */
export function continuationText(messages: readonly Message[]): string {
  const text = (m: Message) => messageText(m.content);
  if (messages.every((m) => m.role === "assistant" && !m.tool_calls)) return messages.map(text).join("");
  return messages
    .map((m) => {
      const calls = (m.tool_calls ?? []).map((c) => `[call ${c.function.name}(${c.function.arguments})]`);
      const body = [text(m), ...calls].filter((s) => s !== "").join("\n");
      return `${m.role.charAt(0).toUpperCase()}${m.role.slice(1)}: ${body}`;
    })
    .join("\n\n");
}

/** The id a per-turn item's turn goes by in exports and agreement (`<item>:turn<k>`, k from 1). */
export function turnUnitId(itemId: string, turn: number): string {
  return `${itemId}:turn${turn}`;
}
