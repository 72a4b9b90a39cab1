/**
 * Public API of the statistics package: pure functions, no I/O, no dependencies.
 */

export type { MaybeRating, RatingValue } from "./rating-value";
export { compareRatingValues, distinctRatingValues, isMissingRating } from "./rating-value";

export type {
  AlphaMetric,
  AlphaOptions,
  CoincidenceMatrix,
  CoincidenceOptions,
} from "./krippendorff-alpha";
export {
  alphaFromCoincidences,
  coincidenceMatrix,
  coincidenceMatrixFromUnits,
  krippendorffAlpha,
  krippendorffAlphaFromUnits,
  unitsFromReliabilityMatrix,
} from "./krippendorff-alpha";

export type { FleissKappaResult } from "./fleiss-kappa";
export { fleissKappa } from "./fleiss-kappa";

export type {
  CohenKappaOptions,
  CohenKappaResult,
  ConfusionTable,
  KappaWeighting,
} from "./cohen-kappa";
export { cohenKappa, cohenKappaFromLabels, confusionTable } from "./cohen-kappa";

export type { PercentAgreementResult } from "./percent-agreement";
export { percentAgreement } from "./percent-agreement";

export type { MajorityResult } from "./majority";
export { majorityVote } from "./majority";

export type { Battle, BattleWinner, WinTable } from "./battles";
export { tabulateBattles } from "./battles";

export type { BradleyTerryOptions, BradleyTerryResult, StrengthFit } from "./bradley-terry";
export {
  bradleyTerryFromTable,
  fitBradleyTerry,
  fitStrengths,
  strengthToRating,
  winProbability,
} from "./bradley-terry";

export type { BootstrapOptions, BootstrapResult, RatingInterval } from "./bootstrap";
export { bootstrapBradleyTerry } from "./bootstrap";

export type { EloOptions, EloResult } from "./elo";
export { onlineElo } from "./elo";

export type { Annotation, DawidSkeneOptions, DawidSkeneResult } from "./dawid-skene";
export { dawidSkene } from "./dawid-skene";

export type { Ballot, RankedPairsOptions, RankedPairsResult } from "./ranked-pairs";
export { rankedPairs } from "./ranked-pairs";

export { binomialTest } from "./binomial-test";

export type { RandomSource } from "./random";
export { mulberry32, randomInt } from "./random";
export { sampleBinomial, sampleMultinomial } from "./sampling";
export { quantile, quantileSorted } from "./quantile";

export type { Leaderboard, LeaderboardEntry, LeaderboardOptions } from "./leaderboard";
export { computeLeaderboard } from "./leaderboard";

export type { AlphaBootstrapOptions, AlphaBootstrapResult } from "./alpha-bootstrap";
export { bootstrapAlpha } from "./alpha-bootstrap";
