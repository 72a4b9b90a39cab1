import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import { openItemQuery } from "@/server/services/assignment/pick-open-item";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, createCampaign, createUser } from "../fixtures/factories";
import { createTestDatabase, type TestDatabase } from "../fixtures/test-database";
import { bulkInsertItems } from "./bulk-items";
import { percentile, round, sized, verdict, type Benchmark, type Figures } from "./types";

const SMALL = 10_000;
const LARGE = 1_000_000;
const ANNOTATORS = 20;
const SMOKE_SMALL = 1_000;
const SMOKE_LARGE = 20_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 30;
const SMOKE_ROUNDS = 5;
const BUDGET = 1.5;

/**
 * DESIGN §12 P6: p99 of claimNext on a campaign of 1,000,000 items against the same on 10,000
 * items, both in one database and measured interleaved (so drift on a shared machine hits both
 * alike). Each measured claim is a fresh one: the annotator submitted their previous task, so
 * the engine really searches the queue. Budget: ratio ≤ 1.5 (the queue is index-driven).
 */
export const claimScaling: Benchmark = {
  id: "P6",
  title: `claimNext p99, ${LARGE.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} items (budget ≤ ${BUDGET}×)`,
  async run(ctx): Promise<Figures> {
    if (!ctx.databaseUrl) {
      ctx.log("skipped: set DATABASE_URL to a PostgreSQL server (PGlite cannot hold the 1M-item campaign fairly)");
      return { budget: "skipped", skipped: "DATABASE_URL not set" };
    }
    const [smallSize, largeSize] = [sized(ctx, SMALL, SMOKE_SMALL), sized(ctx, LARGE, SMOKE_LARGE)];
    const rounds = sized(ctx, ROUNDS, SMOKE_ROUNDS);
    const database = await createTestDatabase({ poolMax: 4 });
    try {
      const { db } = database;
      const admin = await createUser(db, { role: "admin" });
      const annotators: SessionUser[] = [];
      for (let i = 0; i < ANNOTATORS; i++) annotators.push(await createUser(db, { role: "annotator" }));
      const campaigns = [];
      for (const size of [smallSize, largeSize]) {
        const campaign = await createCampaign(db, { admin, input: { overlap: 3, status: "active" } });
        for (const annotator of annotators) await addAnnotator(db, { campaignId: campaign.id, annotator });
        const started = performance.now();
        await bulkInsertItems(db, campaign.id, size);
        ctx.log(`inserted ${size.toLocaleString("en")} items in ${round((performance.now() - started) / 1000, 1)} s`);
        campaigns.push({ id: campaign.id, size, samples: [] as number[] });
      }
      await db.execute(sql`analyze items`);
      await db.execute(sql`analyze responses`);
      const plan = await candidatePlan(database, largest(campaigns).id, annotators[0]);
      ctx.log(`candidate query plan on the large campaign: ${plan}`);

      for (let round_ = 0; round_ < WARMUP_ROUNDS + rounds; round_++) {
        // Alternate which campaign goes first, so neither always follows the other's cache misses.
        const order = round_ % 2 === 0 ? campaigns : [...campaigns].reverse();
        for (const campaign of order) {
          for (const user of annotators) {
            const started = performance.now();
            const { task } = await claimNextTask(db, { campaignId: campaign.id, user });
            const elapsed = performance.now() - started;
            if (!task) throw new Error("the benchmark campaign ran out of work");
            if (round_ >= WARMUP_ROUNDS) campaign.samples.push(elapsed);
            const choice = task.responses[0]?.id ?? "tie";
            await submitJudgement(db, {
              input: { assignmentId: task.assignmentId, idempotencyKey: randomUUID(), payload: { choice } },
              user,
            });
          }
        }
      }

      const [small, large] = campaigns;
      if (!small || !large) throw new Error("two campaigns");
      const smallP99 = percentile(small.samples, 99);
      const largeP99 = percentile(large.samples, 99);
      const ratio = largeP99 / smallP99;
      return {
        claims_per_campaign: small.samples.length,
        small_items: smallSize,
        small_p50_ms: round(percentile(small.samples, 50)),
        small_p99_ms: round(smallP99),
        large_items: largeSize,
        large_p50_ms: round(percentile(large.samples, 50)),
        large_p99_ms: round(largeP99),
        p99_ratio: round(ratio),
        candidate_plan: plan,
        budget: verdict(ratio <= BUDGET, plan.startsWith("index")),
      };
    } finally {
      await database.close();
    }
  },
};

function largest<T extends { size: number }>(campaigns: T[]): T {
  const found = [...campaigns].sort((a, b) => b.size - a.size)[0];
  if (!found) throw new Error("no large campaign");
  return found;
}

/**
 * EXPLAIN of the exact candidate query the claim runs: "index" when it walks
 * items_campaign_id_open_idx in order without sorting, "scan" otherwise (a regression that
 * timing alone would show only on big campaigns).
 */
async function candidatePlan(database: TestDatabase, campaignId: string, annotator: SessionUser | undefined) {
  if (database.client.kind !== "pg" || !annotator) return "unknown";
  const query = openItemQuery(database.db, { campaignId, annotatorId: annotator.id, gold: false }, { skipLocked: true }).toSQL();
  const result = await database.client.pool.query<{ "QUERY PLAN": string }>(`explain ${query.sql}`, query.params);
  const text = result.rows.map((r) => r["QUERY PLAN"]).join("\n");
  const usesIndex = /Index Scan using items_campaign_id_open_idx/.test(text);
  const sortsOrScans = /Sort|Seq Scan on items|Bitmap Heap Scan on items/.test(text);
  return usesIndex && !sortsOrScans ? "index (items_campaign_id_open_idx, no sort)" : `scan: ${text.replace(/\s+/g, " ").slice(0, 300)}`;
}
