import type { z } from "zod";
import type { ModelEndpointView } from "@/server/services/models/endpoint-view";
import type { EndpointTestResult } from "@/server/services/models/test-model-endpoint";
import type { JobView } from "@/server/services/jobs/job-view";
import type { JudgeReport } from "@/server/services/judges/list-judges";
import type { endpointTestOut, jobOut, judgeReportOut, modelEndpointOut } from "./model-schemas";

export function modelEndpointJson(e: ModelEndpointView): z.input<typeof modelEndpointOut> {
  return {
    id: e.id,
    name: e.name,
    base_url: e.baseUrl,
    model: e.model,
    has_api_key: e.hasApiKey,
    params: e.params,
    concurrency: e.concurrency,
    timeout_seconds: e.timeoutSeconds,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export function endpointTestJson(r: EndpointTestResult): z.input<typeof endpointTestOut> {
  return r.ok
    ? { ok: true, latency_ms: r.latencyMs, served_model: r.servedModel, reply: r.reply, finish_reason: r.finishReason }
    : { ok: false, status: r.status, message: r.message };
}

export function jobJson(j: JobView): z.input<typeof jobOut> {
  return {
    id: j.id,
    campaign_id: j.campaignId,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    errors: j.errors,
    params: j.params,
    created_at: j.createdAt.toISOString(),
    started_at: j.startedAt?.toISOString() ?? null,
    finished_at: j.finishedAt?.toISOString() ?? null,
  };
}

export function judgeReportJson(r: JudgeReport): z.input<typeof judgeReportOut> {
  const annotator = ({ annotator, excluded, n, agreement, kappa, alpha }: JudgeReport["annotators"][number]) => ({
    annotator,
    excluded,
    n,
    agreement,
    kappa,
    alpha,
  });
  return {
    judge: r.judge,
    endpoint_id: r.endpointId,
    job_id: r.jobId,
    verdicts: r.verdicts,
    items: r.items,
    swap_consistency: r.swapConsistency,
    position_bias: {
      first_share: r.positionBias.firstShare,
      expected_share: r.positionBias.expectedShare,
      n: r.positionBias.n,
      p_value: r.positionBias.pValue,
    },
    human_consensus: r.humanConsensus,
    annotators: r.annotators.map(annotator),
    questions: r.questions.map((q) => ({
      question: q.question,
      level: q.level,
      human_consensus: q.humanConsensus,
      annotators: q.annotators.map(annotator),
    })),
    tokens: { total: r.tokens.total, per_verdict: r.tokens.perVerdict },
  };
}
