/**
 * When the annotator table raises a flag (DESIGN §9). One place, so the screen's legend, the
 * REST answer and the tests read the same numbers.
 */
export const QUALITY_THRESHOLDS = {
  /** Binomial tests are run per annotator: a strict level keeps honest annotators unflagged. */
  biasPValue: 0.001,
  /** Gold accuracy below this, over at least `minGold` gold items. */
  goldAccuracy: 0.6,
  minGold: 5,
  /**
   * Agreement with the leave-one-out consensus below this. Not κ: when nearly every item has
   * one clearly better response, the consensus hardly varies and κ collapses towards zero
   * even for a careful annotator (the kappa paradox), while raw agreement stays meaningful.
   */
  consensusAgreement: 0.5,
  minConsensus: 10,
  /** Agreement with one's own earlier answer on swapped probes below this, over `minProbes`. */
  selfConsistency: 0.6,
  minProbes: 5,
  /** Median active time below this share of the campaign's median annotator, or below the floor. */
  tooFastShare: 0.25,
  tooFastFloorSeconds: 2,
  minTimed: 10,
  /**
   * Rubber-stamping (DESIGN §15): accepting a shown LLM suggestion within this many ms of the
   * task being handed out (server clocks: a client cannot report its way out of it). Flagged
   * when such answers are at least `rubberStampShare` of the suggestions shown, over at least
   * `minSuggestionsShown`.
   */
  rubberStampMs: 2_000,
  rubberStampShare: 0.2,
  minSuggestionsShown: 10,
} as const;

export const ANNOTATOR_FLAGS = [
  "position_bias",
  "length_bias",
  "low_gold_accuracy",
  "low_agreement",
  "low_self_consistency",
  "too_fast",
  "rubber_stamping",
] as const;
export type AnnotatorFlag = (typeof ANNOTATOR_FLAGS)[number];
