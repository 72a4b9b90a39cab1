import { canonicalJson } from "@/server/domain/canonical-json";
import type { JudgementPayload } from "@/server/domain/judgement-payload";

/**
 * What a verdict answers, with the responses by id and nothing that is only commentary (the
 * rationale, a pairwise strength or flags): two verdicts on the same item in the two display
 * orders are consistent when their answers are the same. A tie inside a ranking is a set, so
 * its order does not matter.
 */
export function verdictAnswer(payload: JudgementPayload): string {
  const p = payload as { choice?: unknown; ranking?: unknown; not_rankable?: unknown; ratings?: unknown };
  const answer: Record<string, unknown> = {};
  if (p.not_rankable === true) answer.not_rankable = true;
  if (Array.isArray(p.ranking)) answer.ranking = (p.ranking as string[][]).map((group) => [...group].sort());
  if (typeof p.ratings === "object" && p.ratings !== null) answer.ratings = p.ratings;
  if (typeof p.choice === "string") answer.choice = p.choice;
  return canonicalJson(answer);
}
