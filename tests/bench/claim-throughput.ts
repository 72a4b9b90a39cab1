import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, createCampaign, createUser } from "../fixtures/factories";
import { createTestDatabase } from "../fixtures/test-database";
import { bulkInsertItems } from "./bulk-items";
import { percentile, round, type Benchmark } from "./types";

const ANNOTATORS = 64;
const ITEMS = 20_000;
const POOL = 10;
const SECONDS = 15;
const WARMUP_SECONDS = 3;
const RATIO_BUDGET = 0.5;
const P99_BUDGET_MS = 50;
const SCRIPT = fileURLToPath(new URL("./claim-submit.pgbench.sql", import.meta.url));

/**
 * DESIGN §12 P1, in-process: 64 simulated annotators run claim → submit loops through the real
 * services on one app-sized connection pool, against pgbench running the same SQL transactions
 * (claim-submit.pgbench.sql) on an identical campaign in the same database. HTTP, sessions and
 * serialisation are not in this figure; the over-HTTP variant against `next start` is still to do.
 * The baseline is the better of pgbench with the pool's connection count and with one per annotator.
 */
export const claimThroughput: Benchmark = {
  id: "P1-service",
  title: `claim + submit, ${ANNOTATORS} annotators in-process vs pgbench (budget ≥ ${RATIO_BUDGET}×, p99 claim < ${P99_BUDGET_MS} ms)`,
  async run(ctx): Promise<Record<string, number | string>> {
    if (!ctx.databaseUrl) {
      ctx.log("skipped: set DATABASE_URL to a PostgreSQL server (pgbench is the baseline)");
      return { budget: "skipped", skipped: "DATABASE_URL not set" };
    }
    const setup = await createTestDatabase({ poolMax: 4 });
    try {
      const url = setup.url ?? ctx.databaseUrl;
      const admin = await createUser(setup.db, { role: "admin" });
      const annotators: SessionUser[] = [];
      for (let i = 0; i < ANNOTATORS; i++) annotators.push(await createUser(setup.db, { role: "annotator" }));
      const [ours, theirs] = [await campaignFor(setup.db, admin, annotators), await campaignFor(setup.db, admin, annotators)];
      await setup.db.execute(sql`create table bench_annotators (n int primary key, id uuid not null)`);
      for (const [n, a] of annotators.entries()) {
        await setup.db.execute(sql`insert into bench_annotators values (${n}, ${a.id})`);
      }
      await setup.db.execute(sql`analyze`);

      const app = await openDatabase({ url, poolMax: POOL });
      const measured = await runAnnotators(app.db, ours, annotators).finally(() => app.close());
      ctx.log(`services: ${round(measured.perSecond, 1)} claim+submit/s, claim p99 ${round(measured.p99)} ms`);
      const baselines = [];
      for (const clients of [POOL, ANNOTATORS]) {
        const tps = await pgbench(url, theirs, clients);
        ctx.log(`pgbench -c ${clients}: ${round(tps, 1)} claim+submit/s`);
        baselines.push(tps);
      }
      const baseline = Math.max(...baselines);
      const ratio = measured.perSecond / baseline;
      return {
        annotators: ANNOTATORS,
        pool: POOL,
        services_per_s: round(measured.perSecond, 1),
        pgbench_per_s: round(baseline, 1),
        throughput_ratio: round(ratio),
        claim_p50_ms: round(measured.p50),
        claim_p99_ms: round(measured.p99),
        budget: ratio >= RATIO_BUDGET && measured.p99 < P99_BUDGET_MS ? "pass" : "FAIL",
      };
    } finally {
      await setup.close();
    }
  },
};

async function campaignFor(db: Db, admin: SessionUser, annotators: SessionUser[]): Promise<string> {
  const campaign = await createCampaign(db, { admin, input: { overlap: 3, status: "active" } });
  for (const annotator of annotators) await addAnnotator(db, { campaignId: campaign.id, annotator });
  await bulkInsertItems(db, campaign.id, ITEMS);
  return campaign.id;
}

async function runAnnotators(db: Db, campaignId: string, annotators: SessionUser[]) {
  const started = performance.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
  const claims: number[] = [];
  let pairs = 0;
  await Promise.all(
    annotators.map(async (user) => {
      while (performance.now() < stopAt) {
        const claimStarted = performance.now();
        const { task } = await claimNextTask(db, { campaignId, user });
        const claimed = performance.now();
        if (!task) throw new Error("the benchmark campaign ran out of work");
        const choice = task.responses[0]?.id ?? "tie";
        await submitJudgement(db, {
          input: { assignmentId: task.assignmentId, idempotencyKey: randomUUID(), payload: { choice } },
          user,
        });
        if (claimStarted >= measureFrom && performance.now() <= stopAt) {
          claims.push(claimed - claimStarted);
          pairs++;
        }
      }
    }),
  );
  return { perSecond: pairs / SECONDS, p50: percentile(claims, 50), p99: percentile(claims, 99) };
}

/** Runs the baseline script and returns its transactions (claim + submit pairs) per second. */
async function pgbench(url: string, campaignId: string, clients: number): Promise<number> {
  const { stdout } = await promisify(execFile)("pgbench", [
    "-n",
    "-M", "extended",
    "-c", String(clients),
    "-j", "2",
    "-T", String(SECONDS),
    "-D", `campaign=${campaignId}`,
    "-f", SCRIPT,
    url,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (!tps?.[1]) throw new Error(`pgbench printed no tps:\n${stdout}`);
  if (failed?.[1] && Number(failed[1]) > 0) throw new Error(`pgbench transactions failed:\n${stdout}`);
  return Number(tps[1]);
}
