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
import {
  stepsAfterKey,
  stepsFromDraft,
  stepsKeys,
  stepsProblem,
  stepsToDraft,
  stepsToPayload,
  type StepsAnswer,
  type StepsTask,
} from "./steps-answer";
import { StepsView } from "./steps-view";
import {
  turnsAfterKey,
  turnsFromDraft,
  turnsKeys,
  turnsProblem,
  turnsTask,
  turnsToDraft,
  turnsToPayload,
  type TurnsAnswer,
  type TurnsTask,
} from "./turns-answer";
import { TurnsView } from "./turns-view";
import type { Message } from "@/server/formats/messages";
import { responseSteps } from "@/server/domain/steps";

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

export const STEPS: AnswerKind<StepsTask, StepsAnswer> = {
  fromDraft: stepsFromDraft,
  problem: stepsProblem,
  toPayload: stepsToPayload,
  toDraft: stepsToDraft,
  keys: stepsKeys,
  afterKey: stepsAfterKey,
  View: StepsView,
};

/** A per-turn pairwise template (DESIGN §16): one pairwise verdict per assistant turn. */
export const TURNS: AnswerKind<TurnsTask, TurnsAnswer> = {
  fromDraft: turnsFromDraft,
  problem: turnsProblem,
  toPayload: turnsToPayload,
  toDraft: turnsToDraft,
  keys: turnsKeys,
  afterKey: turnsAfterKey,
  View: TurnsView,
};

/**
 * Calls `apply` with the answer kind of the template, keeping both typed together. A steps
 * template also carries the task's responses cut into steps (the server's cut, or the same rule
 * applied here to responses that come without one); a per-turn pairwise one, their turns.
 */
export function withKind<R>(
  template: TemplateConfig,
  apply: <T, A>(kind: AnswerKind<T, A>, template: T) => R,
  responses: readonly { id: string; content: string; steps?: string[]; messages?: Message[] | null }[] = [],
): R {
  switch (template.kind) {
    case "pairwise":
      return template.per_turn ? apply(TURNS, turnsTask(template, responses)) : apply(PAIRWISE, template);
    case "ranking":
      return apply(RANKING, template);
    case "rating":
      return apply(RATING, template);
    case "steps":
      return apply(STEPS, {
        ...template,
        responseSteps: Object.fromEntries(responses.map((r) => [r.id, responseSteps(r, template.split)])),
      });
  }
}
