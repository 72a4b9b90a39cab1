import type { PairwisePayload } from "@/server/services/judgements/judgement-payload";

export type VerdictParse = { payload: PairwisePayload } | { error: string };

const LABELS: Record<string, number> = { a: 0, b: 1 };

/**
 * Reads a pairwise verdict from a judge's reply, tolerantly: JSON (bare, in a code fence, or
 * inside prose), then the `[[A]]` convention of MT-Bench-style judges. Labels are mapped back to
 * response ids through the display order the judge saw. Anything else is a clear error that
 * quotes the start of the reply.
 */
export function parseVerdict(
  text: string,
  displayOrder: readonly string[],
  options: { allowTie: boolean; allowBothBad: boolean },
): VerdictParse {
  const choice = jsonChoice(text) ?? bracketChoice(text);
  if (choice === null) {
    return { error: `The judge's reply is not a verdict: "${text.trim().slice(0, 120)}"` };
  }
  const rationale = jsonRationale(text);
  const key = choice.toLowerCase().replace(/[\s-]+/g, "_");
  const index = LABELS[key];
  if (index !== undefined) {
    const id = displayOrder[index];
    if (!id) return { error: `The judge chose response ${choice.toUpperCase()}, which it was not shown` };
    return { payload: { choice: id, ...(rationale ? { rationale } : {}) } };
  }
  if ((key === "tie" && options.allowTie) || (key === "both_bad" && options.allowBothBad)) {
    return { payload: { choice: key, ...(rationale ? { rationale } : {}) } };
  }
  return { error: `The judge's choice "${choice}" is not one this template allows` };
}

function jsonObjects(text: string): unknown[] {
  const found: unknown[] = [];
  for (const match of text.matchAll(/\{[^{}]*\}/g)) {
    try {
      found.push(JSON.parse(match[0]));
    } catch {
      // not JSON: keep looking
    }
  }
  return found;
}

function jsonChoice(text: string): string | null {
  for (const value of jsonObjects(text)) {
    const choice = (value as { choice?: unknown } | null)?.choice;
    if (typeof choice === "string" && choice.trim()) return choice.trim();
  }
  return null;
}

function jsonRationale(text: string): string | null {
  for (const value of jsonObjects(text)) {
    const rationale = (value as { rationale?: unknown } | null)?.rationale;
    if (typeof rationale === "string" && rationale.trim()) return rationale.trim().slice(0, 2000);
  }
  return null;
}

function bracketChoice(text: string): string | null {
  const match = /\[\[\s*(A|B|tie|both[ _-]?bad)\s*\]\]/i.exec(text);
  return match?.[1] ?? null;
}
