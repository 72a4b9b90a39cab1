import type {
  PairwiseTemplate,
  RankingTemplate,
  RatingTemplate,
  TemplateConfig,
} from "@/server/services/campaigns/template-config";
import type { AnswerKind } from "./answer-kind";
import { answerFromDraft, answerProblem, answerToDraft, answerToPayload, type PairwiseAnswer } from "./pairwise-answer";
import { pairwiseAfterKey, pairwiseKeys } from "./pairwise-keys";
import { PairwiseView } from "./pairwise-view";
import {
  rankingFromDraft,
  rankingKeys,
  rankingProblem,
  rankingToDraft,
  rankingToPayload,
  orderAfterKey,
  rulesOf,
  type RankingAnswer,
} from "./ranking-answer";
import { RankingView } from "./ranking-view";
import {
  ratingAfterKey,
  ratingFromDraft,
  ratingKeys,
  ratingProblem,
  ratingToDraft,
  ratingToPayload,
  type RatingAnswer,
} from "./rating-answer";
import { RatingView } from "./rating-view";

export const PAIRWISE: AnswerKind<PairwiseTemplate, PairwiseAnswer> = {
  fromDraft: answerFromDraft,
  problem: answerProblem,
  toPayload: answerToPayload,
  toDraft: answerToDraft,
  keys: pairwiseKeys,
  afterKey: pairwiseAfterKey,
  View: PairwiseView,
};

export const RANKING: AnswerKind<RankingTemplate, RankingAnswer> = {
  fromDraft: rankingFromDraft,
  problem: rankingProblem,
  toPayload: rankingToPayload,
  toDraft: rankingToDraft,
  keys: (template, ids) => rankingKeys(template, ids.length),
  afterKey: (id, key, answer, template, ids) => orderAfterKey(id, key, answer, rulesOf(template), ids),
  View: RankingView,
};

export const RATING: AnswerKind<RatingTemplate, RatingAnswer> = {
  fromDraft: ratingFromDraft,
  problem: ratingProblem,
  toPayload: ratingToPayload,
  toDraft: ratingToDraft,
  keys: ratingKeys,
  afterKey: ratingAfterKey,
  View: RatingView,
};

/** Calls `apply` with the answer kind of the template, keeping both typed together. */
export function withKind<R>(
  template: TemplateConfig,
  apply: <T, A>(kind: AnswerKind<T, A>, template: T) => R,
): R {
  switch (template.kind) {
    case "pairwise":
      return apply(PAIRWISE, template);
    case "ranking":
      return apply(RANKING, template);
    case "rating":
      return apply(RATING, template);
  }
}
