import { randomUUID } from "node:crypto";
import type { Balancer, Reply } from "./client";

export interface RunState {
  campaignId: string;
  leaseTtlSeconds: number;
  /** No new work after this; retries of a pending submit may run until `graceUntil`. */
  until: number;
  graceUntil: number;
  /** Acknowledged submits: idempotency key → judgement id the server answered with. */
  acknowledged: Map<string, string>;
  counters: Record<string, number>;
}

/** How often each misbehaviour happens, per task. */
const DOUBLE_SUBMIT = 0.1;
const IMPATIENT = 0.08;
const ABANDON = 0.04;
const NORMAL_TIMEOUT_MS = 8_000;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const chance = (p: number) => Math.random() < p;
const count = (state: RunState, name: string) => (state.counters[name] = (state.counters[name] ?? 0) + 1);

/** Waits as a client told to retry would: Retry-After when given, else a short jittered backoff. */
function backoff(reply: Reply, attempt: number): Promise<void> {
  const ms = reply.retryAfterMs ?? Math.min(2_000, 100 * 2 ** attempt);
  return pause(ms * (0.5 + Math.random()));
}

interface Task {
  assignment_id: string;
  responses: { id: string }[];
}

/**
 * One simulated annotator: claims, thinks, submits — and sometimes double-submits, gives up
 * waiting and retries with the same idempotency key, or walks away from a lease and submits it
 * after it expired. Runs until the state's deadline.
 */
export async function annotate(lb: Balancer, token: string, state: RunState): Promise<void> {
  let claimAttempt = 0;
  while (Date.now() < state.until) {
    const claim = await lb.request("claim", `/api/v1/campaigns/${state.campaignId}/tasks/next`, {
      method: "POST",
      token,
      timeoutMs: NORMAL_TIMEOUT_MS,
    });
    if (claim.outcome === 204) {
      count(state, `no_task_${claim.reason ?? "unknown"}`);
      // Others' abandoned leases come back when they expire; look again later.
      await pause(1_000);
      continue;
    }
    if (claim.outcome !== 200) {
      await backoff(claim, claimAttempt++);
      continue;
    }
    claimAttempt = 0;
    const task = claim.json as Task;
    await pause(100 + Math.random() * 500);
    if (chance(ABANDON)) {
      count(state, "abandoned_leases");
      await pause(state.leaseTtlSeconds * 1_000 + 500);
      if (Date.now() >= state.until) return;
      // Half come back and submit the expired lease anyway; the rest leave it to expire.
      if (chance(0.5)) continue;
      count(state, "late_submits");
    }
    await submit(lb, token, state, task);
  }
}

async function submit(lb: Balancer, token: string, state: RunState, task: Task): Promise<void> {
  const key = randomUUID();
  const body = JSON.stringify({ idempotency_key: key, payload: { choice: task.responses[0]?.id ?? "" } });
  const send = () =>
    lb.request("submit", `/api/v1/assignments/${task.assignment_id}/judgement`, {
      method: "POST",
      body,
      token,
      // An impatient client gives up almost at once and retries: the first request may still land.
      timeoutMs: chance(IMPATIENT) ? 1 + Math.random() * 40 : NORMAL_TIMEOUT_MS,
    });
  for (let attempt = 0; Date.now() < state.graceUntil; attempt++) {
    const replies = chance(DOUBLE_SUBMIT) ? await Promise.all([send(), send()]) : [await send()];
    if (replies.length > 1) count(state, "double_submits");
    if (attempt > 0) count(state, "submit_retries");
    const ids = new Set<string>();
    for (const reply of replies) {
      if (reply.outcome === 200 || reply.outcome === 201) ids.add((reply.json as { id: string }).id);
    }
    if (ids.size > 1) count(state, "idempotency_mismatches");
    const [id] = ids;
    if (id) {
      const earlier = state.acknowledged.get(key);
      if (earlier && earlier !== id) count(state, "idempotency_mismatches");
      state.acknowledged.set(key, id);
      return;
    }
    // A definite refusal (the expired lease's item filled up, etc.): nothing was stored.
    const refused = replies.find((r) => typeof r.outcome === "number" && r.outcome >= 400 && r.outcome < 500);
    if (refused) {
      const message = (refused.json as { error?: { message?: string } } | undefined)?.error?.message ?? "";
      count(state, `submit_refused_${String(refused.outcome)}: ${message.split(/[.;]/)[0] ?? ""}`);
      return;
    }
    const retry = replies[0];
    if (retry) await backoff(retry, attempt);
  }
  count(state, "submits_unacknowledged");
}
