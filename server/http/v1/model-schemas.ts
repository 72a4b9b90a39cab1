import { z } from "zod";
import {
  createModelEndpointInput,
  updateModelEndpointInput,
} from "@/server/services/models/endpoint-inputs";
import { JOB_KINDS, JOB_STATUSES } from "@/server/services/jobs/job-types";
import { generationParamsSchema } from "@/server/services/models/generation-params";

/** REST v1 wire shapes for model endpoints and jobs (DESIGN §15); the services' inputs are already snake_case. */
export const createModelEndpointBody = createModelEndpointInput;
export const updateModelEndpointBody = updateModelEndpointInput;

const timestamp = z.iso.datetime();

export const modelEndpointOut = z.object({
  id: z.uuid(),
  name: z.string(),
  base_url: z.string(),
  model: z.string(),
  has_api_key: z.boolean().describe("Whether a key is stored; the key itself is never returned"),
  params: generationParamsSchema,
  concurrency: z.number().int(),
  timeout_seconds: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export const modelEndpointListOut = z.object({ model_endpoints: z.array(modelEndpointOut) });

export const endpointTestOut = z.union([
  z.object({
    ok: z.literal(true),
    latency_ms: z.number().int(),
    served_model: z.string().nullable(),
    reply: z.string().describe("The start of the model's answer"),
    finish_reason: z.string().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    status: z.number().int().nullable().describe("The endpoint's HTTP status, when it answered"),
    message: z.string(),
  }),
]);

export { startGenerationInput as generateBody } from "@/server/services/jobs/generate-inputs";

const jobError = z.object({
  task_id: z.uuid(),
  item_id: z.uuid(),
  endpoint_id: z.uuid(),
  attempts: z.number().int(),
  message: z.string(),
  at: timestamp,
});

export const jobOut = z.object({
  id: z.uuid(),
  campaign_id: z.uuid(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  progress: z.object({
    done: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    total: z.number().int().describe("Tasks: one per (prompt, endpoint, sample)"),
  }),
  errors: z.array(jobError).describe("Tasks that failed for good (the first 50)"),
  params: z.record(z.string(), z.unknown()),
  created_at: timestamp,
  started_at: timestamp.nullable(),
  finished_at: timestamp.nullable(),
});
export const jobListOut = z.object({ jobs: z.array(jobOut) });
export const jobStartedOut = z.object({ job_id: z.uuid(), job: jobOut });

export { startJudgeInput as judgeBody } from "@/server/services/judges/judge-inputs";

const agreementOut = z.object({
  n: z.number().int().describe("Units both sides gave a value for"),
  agreement: z.number().nullable().describe("Share of those units with the same value (ratings: within half a step)"),
  kappa: z.number().nullable().describe("Cohen's κ; null when undefined (e.g. a single category) and for ratings"),
  alpha: z
    .number()
    .nullable()
    .describe("Krippendorff's α, the judge and the other side as two coders (nominal, or interval for ratings); null when undefined"),
});
const annotatorAgreementOut = agreementOut.extend({
  annotator: z.object({ id: z.uuid(), email: z.string() }),
  excluded: z.boolean().describe("Excluded annotators are measured but never count in the consensus"),
});

export const judgeReportOut = z.object({
  judge: z.string(),
  endpoint_id: z.uuid().nullable(),
  job_id: z.uuid(),
  verdicts: z.number().int(),
  items: z.number().int(),
  swap_consistency: z.object({ consistent: z.number().int(), n: z.number().int(), rate: z.number().nullable() }),
  position_bias: z.object({
    first_share: z.number().nullable().describe("Share of verdicts with one response on top that put the one shown first there"),
    expected_share: z.number().nullable().describe("The share without position bias: 1/K for K responses"),
    n: z.number().int(),
    p_value: z.number().nullable().describe("Two-sided exact binomial test against expected_share"),
  }),
  human_consensus: agreementOut.describe("The headline question's agreement with the annotators' consensus"),
  annotators: z.array(annotatorAgreementOut).describe("The headline question's agreement with each annotator"),
  questions: z
    .array(
      z.object({
        question: z.string().describe('"choice", "ranking" (pairwise preferences) or "ratings.<attribute>"'),
        level: z.enum(["nominal", "interval"]),
        human_consensus: agreementOut,
        annotators: z.array(annotatorAgreementOut),
      }),
    )
    .describe("Every question the verdicts answer, the headline one first"),
  tokens: z.object({ total: z.number().int(), per_verdict: z.number().nullable() }),
});
export const judgesOut = z.object({ judges: z.array(judgeReportOut) });
