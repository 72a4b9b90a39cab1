import { messageText, type Message } from "./messages";
import type { PairResponse, PreferencePair } from "./preference-pair";

export type HhRlhfRow = {
  chosen: string;
  rejected: string;
};

const HUMAN = "\n\nHuman: ";
const ASSISTANT = "\n\nAssistant: ";

/**
 * Anthropic HH-RLHF transcripts. An item imported from HH-RLHF keeps the shared prefix and
 * each response's exact suffix (spacing and all), so its transcripts are rebuilt byte for byte
 * by concatenation; re-rendering from messages could not restore the original whitespace.
 * Anything else is rendered from its messages.
 */
export function toHhRlhfRow(pair: PreferencePair): HhRlhfRow {
  const imported = importedTranscripts(pair);
  if (imported) return imported;
  const conversation = renderConversation(pair.prompt);
  return {
    chosen: conversation + renderAnswer(pair.chosen),
    rejected: conversation + renderAnswer(pair.rejected),
  };
}

/** The answer's Assistant turn, text kept exactly; an answer with tool turns renders them as the prompt's are. */
function renderAnswer(response: PairResponse): string {
  return response.messages ? renderConversation(response.messages) : ASSISTANT + response.content;
}

function importedTranscripts(pair: PreferencePair): HhRlhfRow | null {
  const source = pair.source;
  if (!source || source.format !== "hh-rlhf" || typeof source.prefix !== "string") return null;
  const chosen = suffixFor(source.suffixes, pair.chosen);
  const rejected = suffixFor(source.suffixes, pair.rejected);
  // A response without a stored suffix was not part of the imported line: render instead.
  if (chosen === null || rejected === null) return null;
  return { chosen: source.prefix + chosen, rejected: source.prefix + rejected };
}

function suffixFor(suffixes: unknown, response: PairResponse): string | null {
  if (typeof suffixes !== "object" || suffixes === null) return null;
  const suffix: unknown = (suffixes as Record<string, unknown>)[response.externalId];
  return typeof suffix === "string" ? suffix : null;
}

/**
 * HH-RLHF has only Human and Assistant speakers. A system message has no slot of its own, so
 * its text goes in front of the next human turn (where a model trained on HH would see it);
 * tool results are input the assistant did not write, so they are rendered as Human turns.
 */
export function renderConversation(messages: readonly Message[]): string {
  let out = "";
  let pendingSystem: string[] = [];
  for (const message of messages) {
    if (message.role === "system") {
      pendingSystem.push(messageText(message.content));
      continue;
    }
    if (message.role === "assistant") {
      out += ASSISTANT + messageText(message.content);
      continue;
    }
    out += HUMAN + [...pendingSystem, messageText(message.content)].join("\n\n");
    pendingSystem = [];
  }
  // A system message with no human turn after it still has to reach the transcript.
  if (pendingSystem.length) out += HUMAN + pendingSystem.join("\n\n");
  return out;
}
