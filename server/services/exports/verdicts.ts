import type { ExportResponse as Response } from "./item-page";
import type { JudgementPayload } from "@/server/services/judgements/judgement-payload";

/**
 * A judgement reduced to what aggregation compares: an order of response ids (groups best
 * first; a pairwise tie is one group of two) or "both bad". Templates differ in payload shape,
 * not in meaning, so every consensus method works on this one form.
 */
export type Verdict = { kind: "order"; groups: string[][] } | { kind: "both_bad" };

/** The vote a verdict casts on one pair of responses, named by their position in the item. */
export type PairLabel = "a" | "b" | "tie" | "both_bad";

/** What the verdict helpers read of a response; quality reports pass lighter rows than exports. */
type Named = Pick<Response, "id" | "externalId">;

export interface ResponsePair<R extends Pick<Response, "id"> = Response> {
  a: R;
  b: R;
  /** Stable across exports: the item and the two positions. */
  key: string;
}

export function verdictOf(
  payload: JudgementPayload,
  responses: readonly Pick<Response, "id">[],
): Verdict | null {
  const p = payload as { choice?: unknown; ranking?: unknown; not_rankable?: unknown };
  if (p.not_rankable === true) return { kind: "both_bad" };
  if (Array.isArray(p.ranking)) return { kind: "order", groups: p.ranking as string[][] };
  if (typeof p.choice !== "string") return null;
  if (p.choice === "both_bad") return { kind: "both_bad" };
  if (responses.length !== 2) return null;
  const ids = responses.map((r) => r.id);
  if (p.choice === "tie") return { kind: "order", groups: [ids] };
  if (!ids.includes(p.choice)) return null;
  return { kind: "order", groups: [[p.choice], ids.filter((id) => id !== p.choice)] };
}

/** Every unordered pair of an item's responses, in position order. */
export function responsePairs<R extends Pick<Response, "id"> = Response>(
  itemId: string,
  responses: readonly R[],
): ResponsePair<R>[] {
  const pairs: ResponsePair<R>[] = [];
  responses.forEach((a, i) => {
    responses.slice(i + 1).forEach((b, offset) => {
      pairs.push({ a, b, key: `${itemId}:${i}:${i + 1 + offset}` });
    });
  });
  return pairs;
}

/** What a verdict says about one pair; null when it leaves either response unranked. */
export function pairLabel(
  verdict: Verdict,
  pair: ResponsePair<Pick<Response, "id">>,
): PairLabel | null {
  if (verdict.kind === "both_bad") return "both_bad";
  const rankA = verdict.groups.findIndex((g) => g.includes(pair.a.id));
  const rankB = verdict.groups.findIndex((g) => g.includes(pair.b.id));
  if (rankA < 0 || rankB < 0) return null;
  return rankA < rankB ? "a" : rankB < rankA ? "b" : "tie";
}

/**
 * A verdict written by hand for a gold item, resolved to response ids. Gold answers are
 * imported in payload shape with response external ids, but older data and API clients may
 * name the stored ids, or give just the winning id: every spelling is accepted.
 */
export function goldVerdict(gold: unknown, responses: readonly Named[]): Verdict | null {
  const resolve = (name: unknown): string | undefined =>
    typeof name === "string"
      ? (responses.find((r) => r.externalId === name) ?? responses.find((r) => r.id === name))?.id
      : undefined;
  if (typeof gold === "string" || typeof gold === "number") {
    return goldVerdict({ choice: String(gold) }, responses);
  }
  if (typeof gold !== "object" || gold === null) return null;
  const g = gold as { choice?: unknown; ranking?: unknown; not_rankable?: unknown };
  if (Array.isArray(g.ranking)) {
    const groups = g.ranking.map((group: unknown) =>
      (Array.isArray(group) ? group : [group]).map(resolve),
    );
    if (groups.some((group) => group.some((id) => id === undefined))) return null;
    return { kind: "order", groups: groups as string[][] };
  }
  if (g.choice === "tie" || g.choice === "both_bad" || g.not_rankable === true) {
    return verdictOf(
      { choice: g.not_rankable === true ? "both_bad" : g.choice } as JudgementPayload,
      responses,
    );
  }
  const id = resolve(g.choice);
  return id === undefined ? null : verdictOf({ choice: id }, responses);
}

/** Two verdicts agree when they say the same about every pair of the item. */
export function sameVerdict(
  x: Verdict,
  y: Verdict,
  pairs: readonly ResponsePair<Pick<Response, "id">>[],
): boolean {
  return pairs.every((pair) => pairLabel(x, pair) === pairLabel(y, pair));
}
