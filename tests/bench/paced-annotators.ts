import { randomUUID } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import type { AppServer } from "./app-server";
import type { Annotator } from "./claim-setup";
import { LoadClient } from "./http-client";

/**
 * How long a simulated annotator looks at a task before answering: 2 s ± 0.5 s. Two seconds is
 * the rubber-stamp line of DESIGN §15 (an accept faster than that is flagged), so this is the
 * fastest pace of an annotator who reads at all — 64 of them offer about 32 pairs a second.
 */
export const THINK_MS = { mean: 2_000, spread: 500 };

/**
 * The latency half of P1. With no pause between requests, 64 closed-loop clients always queue:
 * each waits for the other 63 (Little's law, latency = clients / throughput), so a claim's
 * time there measures the queue, not the claim — pgbench's own claims take hundreds of ms in
 * that loop. Here the same 64 annotators work at a human pace: claim, read for THINK_MS,
 * submit, claim the next. Claims and submits are timed one by one; starts are staggered over
 * one think time so the annotators do not move in step.
 */
export async function runPacedAnnotators(server: AppServer, campaignId: string, annotators: Annotator[], seconds: number) {
  const http = new LoadClient(server.url);
  const stopAt = performance.now() + seconds * 1000;
  const claims: number[] = [];
  const submits: number[] = [];
  const think = () => THINK_MS.mean + (Math.random() * 2 - 1) * THINK_MS.spread;
  await Promise.all(
    annotators.map(async ({ token }) => {
      const auth = { authorization: `Bearer ${token}` };
      await wait(Math.random() * THINK_MS.mean);
      while (performance.now() < stopAt) {
        const claimStarted = performance.now();
        const claim = await http.send("POST", `/api/v1/campaigns/${campaignId}/tasks/next`, auth);
        if (claim.status !== 200) throw new Error(`claim answered ${claim.status}: ${claim.body.toString()}`);
        claims.push(performance.now() - claimStarted);
        const task = JSON.parse(claim.body.toString()) as { assignment_id: string; responses: { id: string }[] };
        await wait(think());
        const body = JSON.stringify({ idempotency_key: randomUUID(), payload: { choice: task.responses[0]?.id ?? "tie" } });
        const submitStarted = performance.now();
        const submit = await http.send("POST", `/api/v1/assignments/${task.assignment_id}/judgement`, { ...auth, "content-type": "application/json" }, body);
        if (submit.status !== 201) throw new Error(`submit answered ${submit.status}: ${submit.body.toString()}`);
        submits.push(performance.now() - submitStarted);
      }
    }),
  );
  http.close();
  return { claims, submits, pairs: submits.length };
}
