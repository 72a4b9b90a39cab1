import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { isAppError } from "@/server/errors";
import { type ClaimedTask, claimTasks } from "./claim-tasks";
import { finalizeJobs } from "./finalize-jobs";
import { DEFAULT_BACKOFF, type BackoffOptions } from "./retry-policy";
import { runGenerationTask } from "./run-generation-task";
import { runJudgeTask } from "./run-judge-task";
import type { TaskOutcome } from "./settle-failed-call";
import { failTask, renewLeases } from "./task-outcomes";

export interface WorkerOptions {
  signal: AbortSignal;
  workerId?: string;
  /** How long a claimed task stays this worker's without a heartbeat. */
  leaseMs?: number;
  /** Pause between rounds when there is nothing to start. */
  pollMs?: number;
  /** Requests this worker keeps in flight at most (each endpoint's own limit applies too). */
  maxInFlight?: number;
  backoff?: BackoffOptions;
  /**
   * On stop, hand in-flight tasks back at once (a graceful shutdown). With false the worker
   * just vanishes, as a crash would, and its leases expire: tests use it to prove recovery.
   */
  releaseOnStop?: boolean;
  /** Called with each round's newly started tasks, and with each task's outcome. */
  onClaim?: (tasks: ClaimedTask[]) => void;
  onTask?: (task: ClaimedTask, outcome: TaskOutcome) => void;
  /** Where round errors are reported (never with secrets: only messages the services built). */
  onError?: (error: unknown) => void;
}

/**
 * The job worker (DESIGN §15): claims tasks from Postgres, runs them concurrently, renews their
 * leases while they run, and closes finished jobs. Every app instance runs one and so does
 * `arbiter worker`; nothing is queued in memory that another instance could not pick up.
 */
export async function runWorker(db: Db, options: WorkerOptions): Promise<void> {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const maxInFlight = options.maxInFlight ?? 16;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const releaseOnStop = options.releaseOnStop ?? true;
  const onError = options.onError ?? ((error) => console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`));
  const inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let lastRenewal = Date.now();

  const start = (task: ClaimedTask) => {
    const controller = new AbortController();
    const done = (async () => {
      try {
        const outcome = await runTask(db, task, { workerId, controller, backoff, stopping: () => stopping && releaseOnStop });
        options.onTask?.(task, outcome);
      } catch (error) {
        onError(error);
        // AppError messages are written for users (e.g. "the stored API key was encrypted with a
        // different ARBITER_SECRET_KEY"); anything else may carry internals.
        const message = isAppError(error) ? error.message : "The task failed unexpectedly";
        if (!stopping) await failTask(db, { task, workerId, message }).catch(onError);
      } finally {
        inFlight.delete(task.id);
      }
    })();
    inFlight.set(task.id, { controller, done });
    if (stopping) controller.abort();
  };

  // Stop at once, as a crash would: requests in flight are abandoned the moment the signal fires.
  const halt = () => {
    stopping = true;
    for (const run of inFlight.values()) run.controller.abort();
  };
  options.signal.addEventListener("abort", halt, { once: true });

  while (!options.signal.aborted) {
    try {
      await finalizeJobs(db);
      const claimed = await claimTasks(db, { workerId, limit: maxInFlight - inFlight.size, leaseMs });
      for (const task of claimed) start(task);
      if (claimed.length > 0) options.onClaim?.(claimed);
      if (Date.now() - lastRenewal > leaseMs / 3) {
        lastRenewal = Date.now();
        const held = await renewLeases(db, { workerId, taskIds: [...inFlight.keys()], leaseMs });
        // Cancelled, or taken over after a stall: stop spending tokens on it.
        for (const [id, run] of inFlight) if (!held.has(id)) run.controller.abort();
      }
    } catch (error) {
      onError(error);
    }
    await waitForTurn([...inFlight.values()].map((r) => r.done), Math.min(pollMs, leaseMs / 3), options.signal);
  }

  halt();
  options.signal.removeEventListener("abort", halt);
  await Promise.allSettled([...inFlight.values()].map((r) => r.done));
}

async function runTask(
  db: Db,
  task: ClaimedTask,
  context: { workerId: string; controller: AbortController; backoff: BackoffOptions; stopping: () => boolean },
): Promise<TaskOutcome> {
  const { workerId, controller, backoff, stopping } = context;
  if (task.kind === "generate") {
    return runGenerationTask(db, { task, workerId, signal: controller.signal, backoff, stopping });
  }
  return runJudgeTask(db, { task, workerId, signal: controller.signal, backoff, stopping });
}

/** Until a running task finishes, `ms` pass, or the worker is told to stop. */
function waitForTurn(running: Promise<void>[], ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    }
    signal.addEventListener("abort", finish, { once: true });
    for (const p of running) void p.then(finish, finish);
  });
}
