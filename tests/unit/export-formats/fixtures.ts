import type { PreferencePair } from "@/server/formats/preference-pair";
import { rankingToPairs, type RankedItem } from "@/server/formats/ranking-pairs";

export const standardPair: PreferencePair = {
  itemExternalId: "sky",
  prompt: [{ role: "user", content: "The sky is" }],
  promptFormat: "text",
  chosen: { externalId: "a", model: "m1", content: " blue." },
  rejected: { externalId: "b", model: "m2", content: " green." },
};

export const conversationalPair: PreferencePair = {
  itemExternalId: "chat",
  prompt: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "What color is the sky?" },
  ],
  promptFormat: "messages",
  chosen: { externalId: "a", model: "m1", content: "It is blue." },
  rejected: { externalId: "b", model: "m2", content: "It is green." },
};

/** A conversation whose last turn is a tool result: TRL accepts it as a prompt. */
export const toolPair: PreferencePair = {
  itemExternalId: "tool",
  prompt: [
    { role: "user", content: "Weather in Paris?" },
    { role: "assistant", content: "Calling the weather tool." },
    { role: "tool", content: '{"temp": 21}' },
  ],
  promptFormat: "messages",
  chosen: { externalId: "a", model: null, content: "21 °C, sunny." },
  rejected: { externalId: "b", model: null, content: "" },
};

export const marginPair: PreferencePair = { ...conversationalPair, margin: 2 / 3 };
export const standardMarginPair: PreferencePair = { ...standardPair, margin: 3 };

/** Four responses ranked a > (b = c) > d: 5 of the C(4,2) = 6 comparisons are pairs. */
export const rankedItem: RankedItem = {
  itemExternalId: "rank",
  prompt: [{ role: "user", content: "Write a haiku." }],
  promptFormat: "text",
  responses: [
    { id: "r-a", externalId: "a", model: "m1", content: "A" },
    { id: "r-b", externalId: "b", model: "m2", content: "B" },
    { id: "r-c", externalId: "c", model: "m3", content: "C" },
    { id: "r-d", externalId: "d", model: null, content: "D" },
  ],
};
export const ranking = [["r-a"], ["r-b", "r-c"], ["r-d"]];

export const rankedConversation: RankedItem = {
  ...rankedItem,
  itemExternalId: "rank-chat",
  prompt: conversationalPair.prompt,
  promptFormat: "messages",
};

export const allPairs: PreferencePair[] = [
  standardPair,
  conversationalPair,
  toolPair,
  marginPair,
  standardMarginPair,
  ...rankingToPairs(rankedItem, ranking, "g-1"),
  ...rankingToPairs(rankedConversation, ranking, "g-2"),
];

export async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A standalone ArrayBuffer holding the bytes, as hyparquet wants. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
