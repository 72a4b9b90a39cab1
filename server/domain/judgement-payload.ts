/**
 * Stored judgement payload shapes (DESIGN §5), shared by services, formats and the schema.
 * Verdicts name response ids, never screen positions. The per-template validation lives in
 * server/services/judgements/judgement-payload.ts.
 */

export const STRENGTHS = ["negligible", "slight", "better", "significant"] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface PairwisePayload {
  choice: string;
  strength?: Strength;
  criteria?: Record<string, string>;
  rationale?: string;
  flags?: string[];
}
/** One assistant turn's verdict under a per-turn template: the pairwise keys, for that turn alone. */
export type TurnVerdict = Pick<PairwisePayload, "choice" | "strength" | "criteria">;
/**
 * DESIGN §16, a per-turn pairwise template: one verdict per compared assistant turn, in turn
 * order (as many as server/domain/turns.ts compares for the item); rationale and flags once.
 */
export interface TurnsPayload {
  turns: TurnVerdict[];
  rationale?: string;
  flags?: string[];
}
export interface RankingPayload {
  ranking?: string[][];
  not_rankable?: true;
  rationale?: string;
  flags?: string[];
}
export interface RatingPayload {
  ratings: Record<string, Record<string, number>>;
  choice?: string;
  ranking?: string[][];
  rationale?: string;
  flags?: string[];
}
/** DESIGN §16: one label (+1, 0, −1) per step of every response, in step order. */
export interface StepsPayload {
  steps: Record<string, number[]>;
  rationale?: string;
  flags?: string[];
}
export type JudgementPayload = PairwisePayload | TurnsPayload | RankingPayload | RatingPayload | StepsPayload;
