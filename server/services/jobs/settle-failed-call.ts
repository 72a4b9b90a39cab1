import type { Db } from "@/db/client";
import { ModelCallAborted, ModelCallError } from "@/server/services/models/model-call-error";
import type { ClaimedTask } from "./claim-tasks";
import { type BackoffOptions, MAX_TASK_ATTEMPTS, retryDelayMs } from "./retry-policy";
import { failTask, releaseTask, requeueTask } from "./task-outcomes";

export type TaskOutcome = "done" | "retry" | "failed" | "released" | "lost";

/**
 * What a task does after its model request failed: handed back when the worker is stopping,
 * queued again with back-off (never sooner than Retry-After) when the failure is transient and
 * attempts remain, failed for good otherwise.
 */
export async function settleFailedCall(
  db: Db,
  params: { task: ClaimedTask; workerId: string; error: unknown; backoff: BackoffOptions; stopping: () => boolean },
): Promise<TaskOutcome> {
  const { task, workerId, error } = params;
  if (error instanceof ModelCallAborted) {
    // Stopping: hand the task back (or, when simulating a crash, leave the lease to expire).
    if (params.stopping()) await releaseTask(db, { task, workerId });
    return "released";
  }
  // Anything else (a database error, say) is the worker's to report: its text is not for users.
  if (!(error instanceof ModelCallError)) throw error;
  const failure = error;
  if (failure.retryable && task.attempts < MAX_TASK_ATTEMPTS) {
    const delayMs = retryDelayMs(task.attempts, failure.retryAfterMs, params.backoff);
    const requeued = await requeueTask(db, { task, workerId, message: failure.message, delayMs });
    return requeued ? "retry" : "lost";
  }
  const message = failure.retryable ? `${failure.message} (after ${task.attempts} attempts)` : failure.message;
  return (await failTask(db, { task, workerId, message })) ? "failed" : "lost";
}
