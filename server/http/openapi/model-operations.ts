import * as m from "../v1/model-schemas";
import type { Operation } from "./operation";

/** REST v1 operations for model endpoints and the jobs that use them (DESIGN §15). */
export const MODEL_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/model-endpoints",
    operationId: "listModelEndpoints",
    tag: "Models",
    tier: "admin",
    summary: "List model endpoints",
    description: "API keys are never returned; `has_api_key` says whether one is stored.",
    responses: { 200: { description: "The endpoints", schema: m.modelEndpointListOut } },
  },
  {
    method: "post",
    path: "/api/v1/model-endpoints",
    operationId: "createModelEndpoint",
    tag: "Models",
    tier: "admin",
    summary: "Add a model endpoint",
    description:
      "Any OpenAI-compatible chat-completions server (OpenAI, vLLM, Ollama, llama.cpp, TGI): `base_url` ends where `/chat/completions` would be appended. The key is stored encrypted.",
    body: { schema: m.createModelEndpointBody },
    responses: { 201: { description: "Created", schema: m.modelEndpointOut } },
  },
  {
    method: "get",
    path: "/api/v1/model-endpoints/{id}",
    operationId: "getModelEndpoint",
    tag: "Models",
    tier: "admin",
    idOf: "model endpoint",
    summary: "Read a model endpoint",
    responses: { 200: { description: "The endpoint", schema: m.modelEndpointOut } },
  },
  {
    method: "patch",
    path: "/api/v1/model-endpoints/{id}",
    operationId: "updateModelEndpoint",
    tag: "Models",
    tier: "admin",
    idOf: "model endpoint",
    summary: "Update a model endpoint",
    description: "Any subset of the fields; `api_key: null` removes the stored key, leaving it out keeps it.",
    body: { schema: m.updateModelEndpointBody },
    responses: { 200: { description: "The updated endpoint", schema: m.modelEndpointOut } },
  },
  {
    method: "delete",
    path: "/api/v1/model-endpoints/{id}",
    operationId: "deleteModelEndpoint",
    tag: "Models",
    tier: "admin",
    idOf: "model endpoint",
    summary: "Delete a model endpoint",
    description: "Refused with 409 while a job still has work queued or running for it.",
    responses: { 204: { description: "Deleted" } },
  },
  {
    method: "post",
    path: "/api/v1/model-endpoints/{id}/test",
    operationId: "testModelEndpoint",
    tag: "Models",
    tier: "admin",
    idOf: "model endpoint",
    summary: "Test the connection",
    description: "Sends one tiny chat completion with the stored settings. 200 either way; `ok` says whether it worked.",
    responses: { 200: { description: "The outcome", schema: m.endpointTestOut } },
  },
];

/** Generation and the jobs that carry it out. */
export const JOB_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/generate",
    operationId: "generateResponses",
    tag: "Models",
    tier: "admin",
    idOf: "campaign",
    summary: "Generate responses for waiting prompts",
    description:
      "One task per (waiting prompt, endpoint, sample). K endpoints × 1 sample compares models pairwise; 1 endpoint × K samples gives K-wise rankings. The total per prompt must fit the campaign's template. Prompts become tasks for annotators as soon as their responses are in.",
    body: { schema: m.generateBody },
    responses: { 202: { description: "Queued; poll the job", schema: m.jobStartedOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/jobs",
    operationId: "listCampaignJobs",
    tag: "Models",
    tier: "admin",
    idOf: "campaign",
    summary: "The campaign's jobs, newest first",
    responses: { 200: { description: "The jobs", schema: m.jobListOut } },
  },
  {
    method: "get",
    path: "/api/v1/jobs/{id}",
    operationId: "getJob",
    tag: "Models",
    tier: "admin",
    idOf: "job",
    summary: "A job's status, progress and errors",
    responses: { 200: { description: "The job", schema: m.jobOut } },
  },
  {
    method: "post",
    path: "/api/v1/jobs/{id}/cancel",
    operationId: "cancelJob",
    tag: "Models",
    tier: "admin",
    idOf: "job",
    summary: "Cancel a job",
    description: "Queued and running tasks end as cancelled; responses already stored stay. 409 when the job already ended.",
    responses: { 200: { description: "The cancelled job", schema: m.jobOut } },
  },
];

/** LLM judges: their verdicts are suggestions, measured against the humans. */
export const JUDGE_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/judge",
    operationId: "judgeCampaign",
    tag: "Models",
    tier: "admin",
    idOf: "campaign",
    summary: "Run an LLM judge over the campaign",
    description:
      "Pairwise, ranking and rating campaigns. Every item with its responses is judged twice, once in each display order (reversed); a verdict whose answer, mapped back to response ids, differs between the orders is marked inconsistent. Verdicts are suggestions: they never count toward overlap or reach the human exports. The verdict schema (the template's payload shape, responses labelled A, B, …) is sent as `response_format` (strict JSON Schema); a server that answers 400 to it is asked again without it, and replies are read tolerantly. A reply that is not a verdict fails its task with a message saying so.",
    body: { schema: m.judgeBody },
    responses: { 202: { description: "Queued; poll the job", schema: m.jobStartedOut } },
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/judges",
    operationId: "listJudges",
    tag: "Models",
    tier: "admin",
    idOf: "campaign",
    summary: "How far each judge can be trusted",
    description:
      "Per judge (its latest job): swap consistency, position bias with its binomial p-value, agreement with the human consensus (strict majority; the mean for ratings) and with each annotator — raw agreement, Cohen's κ and Krippendorff's α — and tokens per verdict. An item whose two verdicts disagree gives the judge no answer. The humans are the Quality tab's: live judgements without probes; excluded annotators are measured but never count in the consensus.",
    responses: { 200: { description: "The judges", schema: m.judgesOut } },
  },
];
