import type { z } from "zod";
import type { AgreementReport } from "@/server/services/quality/get-agreement";
import type { LeaderboardReport } from "@/server/services/quality/get-leaderboard";
import type { AnnotatorQuality } from "@/server/services/quality/list-annotator-quality";
import type { agreementOut, annotatorsOut, leaderboardOut } from "./quality-schemas";

/** The quality reports in the REST wire shape (snake_case), as DESIGN §9 spells them. */

export function agreementJson(r: AgreementReport): z.input<typeof agreementOut> {
  return {
    questions: r.questions.map((q) => ({
      question: q.question,
      level: q.level,
      alpha: q.alpha,
      alpha_ci: q.alphaCi,
      percent_agreement: q.percentAgreement,
      ...(q.fleissKappa === null ? {} : { fleiss_kappa: q.fleissKappa }),
      units: q.units,
      values: q.values,
    })),
    disputed: r.disputed.map((d) => ({
      item_id: d.itemId,
      external_id: d.externalId,
      disagreement: d.disagreement,
      judgements: d.judgements,
      adjudicated: d.adjudicated,
    })),
    method: { rounds: r.rounds, seed: r.seed, confidence: 0.95 },
  };
}

export function annotatorsJson(rows: AnnotatorQuality[]): z.input<typeof annotatorsOut> {
  return rows.map((a) => ({
    annotator: a.annotator,
    judgements: a.judgements,
    skipped: a.skipped,
    median_active_seconds: a.medianActiveSeconds,
    gold: a.gold,
    consensus: a.consensus,
    self_consistency: a.selfConsistency,
    position_bias: {
      first_share: a.positionBias.share,
      n: a.positionBias.n,
      p_value: a.positionBias.pValue,
    },
    length_bias: {
      longer_share: a.lengthBias.share,
      n: a.lengthBias.n,
      p_value: a.lengthBias.pValue,
    },
    suggestions: {
      shown: a.suggestions.shown,
      agreement: a.suggestions.agreement,
      rubber_stamps: a.suggestions.rubberStamps,
    },
    flags: a.flags,
    paused: a.paused,
    excluded: a.excluded,
  }));
}

export function leaderboardJson(r: LeaderboardReport): z.input<typeof leaderboardOut> {
  return {
    models: r.models.map((m) => ({
      model: m.model,
      rating: m.rating,
      median: m.median,
      ci: m.ci,
      battles: m.battles,
      wins: m.wins,
      losses: m.losses,
      ties: m.ties,
      win_rate: m.winRate,
    })),
    elo: r.elo,
    win_matrix: r.winMatrix,
    battles: r.battles,
    finite_optimum: r.finiteOptimum,
    method: r.method,
  };
}
