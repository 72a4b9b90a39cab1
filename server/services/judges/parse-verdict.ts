import { STRENGTHS, type JudgementPayload } from "@/server/domain/judgement-payload";
import type { VerdictSpec } from "./verdict-schema";

export type VerdictParse = { payload: JudgementPayload } | { error: string };

/**
 * Reads a judge's verdict from its reply, tolerantly: a JSON object (bare, in a code fence, or
 * inside prose) carrying the verdict's keys, then the `[[A]]` convention of MT-Bench-style
 * pairwise judges. Labels are read loosely ("b", "Response B", "both bad"), then the verdict is
 * checked against the same schema the judge was sent (verdict-schema.ts) and mapped back to
 * response ids through the display order the judge saw. Anything else is a clear error that
 * says what was wrong, quoting the start of the reply when it held no verdict at all.
 */
export function parseVerdict(text: string, spec: VerdictSpec, displayOrder: readonly string[]): VerdictParse {
  const candidate =
    jsonObjects(text).find((o) => spec.keys.some((k) => k in o)) ??
    (spec.keys.includes("choice") ? bracketChoice(text) : null);
  if (candidate === null) {
    return { error: `The judge's reply is not a verdict: "${text.trim().slice(0, 120)}"` };
  }
  const normalized = normalize(candidate) as Record<string, unknown>;
  const parsed = spec.lenient.safeParse(normalized);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    if (path.length === 1 && path[0] === "choice") {
      return { error: `The judge's choice "${String(normalized.choice)}" is not one this template allows` };
    }
    return { error: `The judge's verdict does not fit this template: ${path.join(".") || "verdict"}: ${issue?.message ?? "invalid"}` };
  }
  const problem = spec.check?.(parsed.data);
  if (problem) return { error: `The judge's verdict does not fit this template: ${problem}` };
  return { payload: spec.toPayload(parsed.data, displayOrder) };
}

/** Every JSON object in the text, an outer one before those nested in it (braces inside strings do not count). */
function jsonObjects(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (let start = text.indexOf("{"); start >= 0; start = text.indexOf("{", start + 1)) {
    const end = matchingBrace(text, start);
    if (end < 0) continue;
    try {
      const value = JSON.parse(text.slice(start, end + 1)) as unknown;
      if (typeof value === "object" && value !== null && !Array.isArray(value)) found.push(value as Record<string, unknown>);
    } catch {
      // not JSON: keep looking, from the next brace
    }
  }
  return found;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

function bracketChoice(text: string): Record<string, unknown> | null {
  const match = /\[\[\s*(A|B|tie|both[ _-]?bad)\s*\]\]/i.exec(text);
  return match?.[1] ? { choice: match[1] } : null;
}

const WORDS = new Set<string>(["tie", "both_bad", ...STRENGTHS]);

/** Labels and keywords as the schema spells them; the rationale is left as written. */
function normalize(value: unknown, key?: string): unknown {
  if (key === "rationale") return value;
  // A rating may come as "4": labels are letters and keywords words, so digits are numbers.
  if (typeof value === "string") return /^\s*-?\d+\s*$/.test(value) ? Number(value) : word(value);
  if (Array.isArray(value)) return value.map((v) => normalize(v));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [/^(response\s+)?[a-i]$/i.test(k.trim()) ? word(k) : k, normalize(v, k)]));
  }
  return value;
}

function word(text: string): string {
  const trimmed = text.trim();
  const label = /^(?:response\s+)?[[(]?([a-i])[\])]?$/i.exec(trimmed);
  if (label?.[1]) return label[1].toUpperCase();
  const lower = trimmed.toLowerCase().replace(/[\s-]+/g, "_");
  return WORDS.has(lower) ? lower : trimmed;
}
