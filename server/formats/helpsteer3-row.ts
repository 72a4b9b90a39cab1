import type { Strength } from "@/server/domain/judgement-payload";
import type { Message } from "./messages";
import type { ParquetOptions } from "./parquet-writer";
import type { RankedItem } from "./ranking-pairs";

/** One annotator's preference in HelpSteer3's `individual_preference` list. */
export interface HelpSteer3Preference {
  score: number;
  reasoning: string;
  /** Arbiter collects no per-response feedback: null rather than an invented text. */
  feedback1: null;
  feedback2: null;
}

/** nvidia/HelpSteer3's preference row (reference/formats.md). */
export interface HelpSteer3Row {
  domain: string | null;
  language: string | null;
  context: Message[];
  response1: string;
  response2: string;
  overall_preference: number;
  individual_preference: HelpSteer3Preference[];
}

/** A pairwise vote as the writer reads it: the choice (a response id, "tie" or "both_bad"). */
export interface PairwiseVote {
  choice: string;
  strength?: Strength;
  rationale?: string;
}

export const HELPSTEER3_COLUMNS: NonNullable<ParquetOptions["columns"]> = [
  { name: "domain", type: "string" },
  { name: "language", type: "string" },
  { name: "context", type: "json" },
  "response1",
  "response2",
  { name: "overall_preference", type: "int" },
  { name: "individual_preference", type: "json" },
];

/** Arbiter's strength as HelpSteer3's magnitude (negligible reads as "about the same"). */
const MAGNITUDE: Record<Strength, number> = { significant: 3, better: 2, slight: 1, negligible: 0 };

/**
 * The −3..3 score of one vote: negative when response 1 (first in source order) is better,
 * positive when response 2 is, 0 for a tie. Null when the vote has no place on the scale: a
 * "both bad" verdict says nothing about which is better, and a choice without a strength has
 * no magnitude (the export needs a template with strength for that reason).
 */
export function helpSteer3Score(vote: PairwiseVote, response1: string, response2: string): number | null {
  if (vote.choice === "tie") return 0;
  if (vote.strength === undefined) return null;
  const magnitude = MAGNITUDE[vote.strength];
  if (vote.choice === response1) return magnitude === 0 ? 0 : -magnitude;
  if (vote.choice === response2) return magnitude;
  return null;
}

/**
 * One row per two-response item with at least one scored vote. `overall_preference` is the
 * mean of the individual scores rounded to the nearest integer (halves away from zero), as
 * HelpSteer3 aggregates its annotators; `domain` and `language` come from the item's import
 * metadata when it has them (null otherwise).
 */
export function toHelpSteer3Row(
  item: RankedItem & { metadata?: Record<string, unknown> },
  votes: readonly PairwiseVote[],
): HelpSteer3Row | null {
  const [first, second] = item.responses;
  if (!first || !second || item.responses.length !== 2) return null;
  const individual: HelpSteer3Preference[] = [];
  for (const vote of votes) {
    const score = helpSteer3Score(vote, first.id, second.id);
    if (score === null) continue;
    individual.push({ score, reasoning: vote.rationale ?? "", feedback1: null, feedback2: null });
  }
  if (individual.length === 0) return null;
  const mean = individual.reduce((sum, p) => sum + p.score, 0) / individual.length;
  // `+ 0` turns a rounded −0 into a plain 0.
  const overall = Math.sign(mean) * Math.round(Math.abs(mean)) + 0;
  const source = item.metadata ?? {};
  return {
    domain: typeof source.domain === "string" ? source.domain : null,
    language: typeof source.language === "string" ? source.language : null,
    context: item.prompt,
    response1: first.content,
    response2: second.content,
    overall_preference: overall,
    individual_preference: individual,
  };
}
