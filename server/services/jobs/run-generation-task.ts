import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items, jobs } from "@/db/schema";
import { completeChat } from "@/server/services/models/complete-chat";
import { revealApiKey } from "@/server/services/models/endpoint-secret";
import { mergeGenerationParams } from "@/server/services/models/generation-params";
import { loadModelEndpoint } from "@/server/services/models/load-model-endpoint";
import type { ClaimedTask } from "./claim-tasks";
import { finishGenerationTask } from "./finish-generation-task";
import type { GenerateJobParams } from "./job-types";
import { type BackoffOptions, MAX_TASK_ATTEMPTS } from "./retry-policy";
import { settleFailedCall, type TaskOutcome } from "./settle-failed-call";
import { failTask } from "./task-outcomes";

/**
 * Runs one leased generation task: the prompt's whole conversation to the endpoint, with the
 * endpoint's defaults under the job's overrides, then the response stored with its model,
 * parameters, latency, token counts and finish reason. Transient failures go back to the queue
 * with back-off (at least Retry-After); others, or the last allowed attempt, fail the task.
 */
export async function runGenerationTask(
  db: Db,
  params: { task: ClaimedTask; workerId: string; signal: AbortSignal; backoff: BackoffOptions; stopping: () => boolean },
): Promise<TaskOutcome> {
  const { task, workerId } = params;
  if (task.attempts > MAX_TASK_ATTEMPTS) {
    const message = `Gave up after ${MAX_TASK_ATTEMPTS} attempts (the workers running it stopped)`;
    return (await failTask(db, { task, workerId, message })) ? "failed" : "lost";
  }
  const [job] = await db.select({ params: jobs.params }).from(jobs).where(eq(jobs.id, task.jobId));
  const [item] = await db.select({ prompt: items.prompt }).from(items).where(eq(items.id, task.itemId));
  if (!job || !item) return "lost"; // deleted with its campaign: the cascade removed the task too
  const jobParams = job.params as unknown as GenerateJobParams;
  const endpoint = await loadModelEndpoint(db, { endpointId: task.endpointId });
  const generation = mergeGenerationParams(endpoint.params, jobParams.params);
  const seed = (jobParams.seed + task.sample) % 2_147_483_647;

  try {
    const result = await completeChat({
      endpoint,
      apiKey: revealApiKey(endpoint),
      messages: item.prompt,
      generation,
      seed,
      signal: params.signal,
    });
    const stored = await finishGenerationTask(db, {
      task,
      workerId,
      endpointName: endpoint.name,
      content: result.content,
      generation: {
        job_id: task.jobId,
        endpoint_id: endpoint.id,
        endpoint_name: endpoint.name,
        model: endpoint.model,
        served_model: result.servedModel,
        sample: task.sample,
        seed,
        params: generation,
        latency_ms: result.latencyMs,
        ...(result.firstTokenMs === undefined ? {} : { first_token_ms: result.firstTokenMs }),
        prompt_tokens: result.promptTokens,
        completion_tokens: result.completionTokens,
        total_tokens: result.totalTokens,
        finish_reason: result.finishReason,
      },
    });
    return stored ? "done" : "lost";
  } catch (error) {
    return settleFailedCall(db, { task, workerId, error, backoff: params.backoff, stopping: params.stopping });
  }
}
