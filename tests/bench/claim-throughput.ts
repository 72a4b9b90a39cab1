import { randomUUID } from "node:crypto";
import { openDatabase, type Db } from "@/db/client";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import { authenticateApiToken } from "@/server/services/users/authenticate-api-token";
import { createTestDatabase } from "../fixtures/test-database";
import { setUpClaimBench, type Annotator } from "./claim-setup";
import { pgbench } from "./pgbench";
import { percentile, round, sized, type Benchmark, type Figures } from "./types";

const ANNOTATORS = 64;
const POOL = 10;

/**
 * A diagnostic beside P1: the same 64 annotators and pgbench baseline, but calling the services
 * in this process (token lookup, claim, submit) on one app-sized pool, without HTTP, Next or
 * JSON. The gap between this and P1 is what the web layer costs; the gap between this and
 * pgbench is what drizzle, node-postgres and the services' own work cost. No budget.
 */
export const claimThroughput: Benchmark = {
  id: "P1-inproc",
  title: `claim + submit, ${ANNOTATORS} annotators through the services in-process vs pgbench (diagnostic)`,
  async run(ctx): Promise<Figures> {
    if (!ctx.databaseUrl) {
      ctx.log("skipped: set DATABASE_URL to a PostgreSQL server (pgbench is the baseline)");
      return { budget: "skipped", skipped: "DATABASE_URL not set" };
    }
    const seconds = sized(ctx, 15, 3);
    const database = await createTestDatabase({ poolMax: 4 });
    try {
      const url = database.url ?? ctx.databaseUrl;
      const setup = await setUpClaimBench(database.db, { annotators: ANNOTATORS, items: sized(ctx, 20_000, 2_000) });
      const app = await openDatabase({ url, poolMax: POOL });
      const measured = await runAnnotators(app.db, setup.ours, setup.annotators, {
        seconds,
        warmupSeconds: sized(ctx, 3, 1),
      }).finally(() => app.close());
      ctx.log(`services: ${round(measured.perSecond, 1)} pairs/s, claim p99 ${round(measured.p99)} ms`);
      const baseline = await pgbench({ url, campaignId: setup.theirs, clients: POOL, seconds });
      ctx.log(`pgbench -c ${POOL}: ${round(baseline.perSecond, 1)} pairs/s`);
      return {
        annotators: ANNOTATORS,
        pool: POOL,
        services_pairs_per_s: round(measured.perSecond, 1),
        pgbench_pairs_per_s: round(baseline.perSecond, 1),
        throughput_ratio: round(measured.perSecond / baseline.perSecond),
        claim_p50_ms: round(measured.p50),
        claim_p99_ms: round(measured.p99),
        budget: "diagnostic",
      };
    } finally {
      await database.close();
    }
  },
};

async function runAnnotators(
  db: Db,
  campaignId: string,
  annotators: Annotator[],
  options: { seconds: number; warmupSeconds: number },
) {
  const started = performance.now();
  const measureFrom = started + options.warmupSeconds * 1000;
  const stopAt = measureFrom + options.seconds * 1000;
  const claims: number[] = [];
  let pairs = 0;
  await Promise.all(
    annotators.map(async ({ token }) => {
      while (performance.now() < stopAt) {
        const claimStarted = performance.now();
        const user = (await authenticateApiToken(db, { token }))?.user;
        if (!user) throw new Error("the benchmark token was refused");
        const { task } = await claimNextTask(db, { campaignId, user });
        const claimed = performance.now();
        if (!task) throw new Error("the benchmark campaign ran out of work");
        const choice = task.responses[0]?.id ?? "tie";
        const submitter = (await authenticateApiToken(db, { token }))?.user;
        if (!submitter) throw new Error("the benchmark token was refused");
        await submitJudgement(db, {
          input: { assignmentId: task.assignmentId, idempotencyKey: randomUUID(), payload: { choice } },
          user: submitter,
        });
        if (claimStarted >= measureFrom && performance.now() <= stopAt) {
          claims.push(claimed - claimStarted);
          pairs++;
        }
      }
    }),
  );
  return { perSecond: pairs / options.seconds, p50: percentile(claims, 50), p99: percentile(claims, 99) };
}
