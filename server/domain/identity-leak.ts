/**
 * The identity-leak guard (DESIGN §15): a response that names a model or its vendor ("As an AI
 * developed by OpenAI…") tells the annotator which model wrote it, and a judgement made knowing
 * that is biased for good. Each campaign keeps a list of phrases; every response is checked
 * against it at import and after generation, before anyone is served it.
 *
 * The matching rule, in full:
 * - case does not matter ("LLaMA" matches "Llama");
 * - the phrase's words must appear in order, separated by any whitespace (spaces, tabs, line
 *   breaks), so "as an  AI\ndeveloped by" matches "as an AI developed by";
 * - straight and typographic apostrophes are the same ("I’m Claude" matches "I'm Claude");
 * - a phrase that starts (ends) with a letter, digit or underscore matches only where the text
 *   has none of those just before (after) it: "Llama" matches "Llama-2", "Llama's" and "(Llama)"
 *   but not "llamas"; "OpenAI" matches "OpenAI." but not "openair" or "openai_client";
 *   "GPT-4" does not match inside "GPT-4o" (list "GPT-4o" as well if it matters);
 * - where phrases overlap at one place, the longest is reported ("I am ChatGPT", not "ChatGPT").
 *
 * Checked: the text of `text` and `code` responses and any reasoning shown with them. Image and
 * audio responses are URLs the annotator never reads as text, and the prompt is the same for
 * every response, so neither can tell the responses apart.
 */

/**
 * What happens to an item with a flagged response: `hold` keeps it from every annotator until
 * an admin releases it; `warn` serves it with a warning that a response may reveal its model.
 */
export const IDENTITY_LEAK_MODES = ["hold", "warn"] as const;
export type IdentityLeakMode = (typeof IDENTITY_LEAK_MODES)[number];

/**
 * `hold` by default. Annotators must never learn which model wrote what (DESIGN §1), and a
 * judgement made after seeing "I'm Claude" cannot be un-made, while a hold costs only an
 * admin's look at the flagged items (a false positive, say "llama" the animal, is released in
 * one click). A campaign that would rather not wait picks `warn`.
 */
export const DEFAULT_IDENTITY_LEAK_MODE: IdentityLeakMode = "hold";

/** The phrases every new campaign starts with (and campaigns older than the guard were given). */
export const DEFAULT_IDENTITY_LEAK_WORDS: readonly string[] = [
  "as an AI developed by",
  "as an AI language model",
  "as a large language model trained by",
  "I am ChatGPT",
  "I'm ChatGPT",
  "I am Claude",
  "I'm Claude",
  "I am Gemini",
  "I'm Gemini",
  "ChatGPT",
  "OpenAI",
  "Anthropic",
  "Gemini",
  "Llama",
  "Mistral AI",
  "DeepMind",
  "DeepSeek",
  "Qwen",
];

/** Limits on a campaign's list; a phrase needs a letter or digit to mean anything. */
export const IDENTITY_LEAK_LIMITS = { maxWords: 200, maxLength: 100 } as const;

/**
 * Where an item stands: `clean` (nothing matched), `held` (flagged, out of the queue, under
 * `hold`), `warned` (flagged, served with a warning, under `warn`), `released` (flagged, and an
 * admin looked and cleared it: served without a warning).
 */
export const LEAK_STATUSES = ["clean", "warned", "held", "released"] as const;
export type LeakStatus = (typeof LEAK_STATUSES)[number];

/** The status a newly flagged item gets under the campaign's mode. */
export function flaggedStatus(mode: IdentityLeakMode): "held" | "warned" {
  return mode === "hold" ? "held" : "warned";
}

/** The content kinds whose text is checked. */
const LEAK_CHECKED_KINDS: readonly string[] = ["text", "code"];

export interface LeakMatch {
  /** The phrase as the campaign's list spells it. */
  phrase: string;
  index: number;
  length: number;
}

export interface LeakMatcher {
  /** Every match, left to right. */
  find(text: string): LeakMatch[];
  /** The distinct phrases found, in order of first appearance; null when none. */
  phrases(text: string): string[] | null;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const APOSTROPHES = /['‘’ʼ]/g;

/**
 * Trims, collapses inner whitespace, drops empty phrases and repeats (ignoring case and
 * apostrophe style), keeping the first spelling. The list the campaign stores is this one.
 */
export function normalizeLeakWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of words) {
    const phrase = raw.trim().replace(/\s+/g, " ");
    if (phrase === "") continue;
    const key = phrase.toLowerCase().replace(APOSTROPHES, "'");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function phraseBody(phrase: string): string {
  return phrase
    .split(/\s+/)
    .map((word) => escapeRegex(word).replace(APOSTROPHES, "['‘’ʼ]"))
    .join("\\s+");
}

function phraseSource(phrase: string): string {
  const before = WORD_CHAR.test(phrase.charAt(0)) ? "(?<![\\p{L}\\p{N}_])" : "";
  const after = WORD_CHAR.test(phrase.charAt(phrase.length - 1)) ? "(?![\\p{L}\\p{N}_])" : "";
  return `${before}${phraseBody(phrase)}${after}`;
}

/**
 * Compiles a campaign's list into one regular expression (one pass over each text, whatever the
 * list's length). Each phrase is its own capture group, so a match names its phrase exactly.
 * Most texts match nothing: a cheaper expression without the word-boundary checks (it matches
 * wherever the real one could) turns those away first, about three times faster.
 */
export function compileLeakMatcher(words: readonly string[]): LeakMatcher {
  const phrases = normalizeLeakWords(words).sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return { find: () => [], phrases: () => null };
  const quick = new RegExp(phrases.map(phraseBody).join("|"), "iu");
  const pattern = new RegExp(phrases.map((p) => `(${phraseSource(p)})`).join("|"), "giu");
  const find = (text: string): LeakMatch[] => {
    if (!quick.test(text)) return [];
    const out: LeakMatch[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const phrase = phrases[group - 1];
      if (phrase !== undefined) out.push({ phrase, index: m.index, length: m[0].length });
    }
    return out;
  };
  return {
    find,
    phrases(text) {
      const found = [...new Set(find(text).map((m) => m.phrase))];
      return found.length > 0 ? found : null;
    },
  };
}

/** The text of a response the guard reads: its content (text and code kinds) and its reasoning. */
export function leakCheckedText(response: { contentKind: string; content: string; reasoning?: string | null }): string {
  const content = LEAK_CHECKED_KINDS.includes(response.contentKind) ? response.content : "";
  return response.reasoning ? `${content}\n${response.reasoning}` : content;
}

/** A few words either side of a match, for the admin's review list. */
export function leakExcerpt(text: string, match: LeakMatch, radius = 60): { before: string; match: string; after: string } {
  const start = Math.max(0, match.index - radius);
  const end = Math.min(text.length, match.index + match.length + radius);
  return {
    before: (start > 0 ? "…" : "") + text.slice(start, match.index),
    match: text.slice(match.index, match.index + match.length),
    after: text.slice(match.index + match.length, end) + (end < text.length ? "…" : ""),
  };
}
