import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { streamExport } from "@/server/services/exports/stream-export";
import type { SessionUser } from "@/server/services/users/session-user";
import { addAnnotator, createCampaign, createUser } from "../fixtures/factories";
import { limitHeapGrowth } from "@/server/heap-growth";
import { createTestDatabase } from "../fixtures/test-database";
import { copyOut } from "./export-copy-baseline";
import { round, sized, verdict, type Benchmark, type Figures } from "./types";

const ANNOTATORS = 4;
const JUDGEMENTS = 1_000_000;
const SMOKE_JUDGEMENTS = 20_000;
/** Where RSS growth is measured from: the 100,000th row (the 10% mark in a smoke run). */
const RSS_FROM = 100_000;
const CHUNK = 25_000;
const RATIO_BUDGET = 0.5;
const RSS_BUDGET_MB = 100;
const MB = 1024 * 1024;

/**
 * DESIGN §12 P2: 1,000,000 judgements exported to TRL JSONL by the real export service,
 * against `COPY (the same rows as JSON) TO STDOUT` on the same data in the same run. Reports
 * both rates, their ratio (budget ≥ 0.5) and how much the RSS grows between the 100,000th row
 * and the end (budget < 100 MB: memory must not grow with the export).
 */
export const exportTrl: Benchmark = {
  id: "P2",
  title: `export ${JUDGEMENTS.toLocaleString("en")} judgements to TRL JSONL vs COPY (budget ≥ ${RATIO_BUDGET}×, RSS growth < ${RSS_BUDGET_MB} MB)`,
  async run(ctx): Promise<Figures> {
    if (!ctx.databaseUrl) {
      ctx.log("skipped: set DATABASE_URL to a PostgreSQL server (COPY is the baseline)");
      return { budget: "skipped", skipped: "DATABASE_URL not set" };
    }
    const judgements = sized(ctx, JUDGEMENTS, SMOKE_JUDGEMENTS);
    const rssFrom = sized(ctx, RSS_FROM, SMOKE_JUDGEMENTS / 10);
    const database = await createTestDatabase({ poolMax: 4 });
    try {
      const { db } = database;
      const url = database.url ?? ctx.databaseUrl;
      const admin = await createUser(db, { role: "admin" });
      const campaign = await createCampaign(db, {
        admin,
        input: { overlap: ANNOTATORS, status: "active" },
      });
      const annotators: SessionUser[] = [];
      for (let i = 0; i < ANNOTATORS; i++) {
        const annotator = await createUser(db, { role: "annotator" });
        await addAnnotator(db, { campaignId: campaign.id, annotator });
        annotators.push(annotator);
      }
      const started = performance.now();
      await insertJudgedItems(db, campaign.id, annotators, judgements / ANNOTATORS);
      ctx.log(
        `inserted ${judgements.toLocaleString("en")} judgements in ${round((performance.now() - started) / 1000, 1)} s`,
      );

      // Warm the cache for both sides alike, then measure the baseline.
      await copyOut(url, baselineQuery(campaign.id));
      const copy = await copyOut(url, baselineQuery(campaign.id));
      if (copy.lines !== judgements) throw new Error(`COPY returned ${copy.lines} rows`);
      ctx.log(`COPY: ${copy.lines.toLocaleString("en")} rows in ${round(copy.seconds)} s`);

      // Exports run in the server or the CLI, which both size their heap this way at start.
      limitHeapGrowth();
      const ours = await measureExport(db, campaign.id, admin.id, rssFrom);
      if (ours.rows !== judgements) throw new Error(`the export returned ${ours.rows} rows`);
      ctx.log(`export: ${ours.rows.toLocaleString("en")} rows in ${round(ours.seconds)} s`);
      const copyRate = copy.lines / copy.seconds;
      const exportRate = ours.rows / ours.seconds;
      const ratio = exportRate / copyRate;
      const growth = (ours.peakRss - ours.rssAtFrom) / MB;
      return {
        judgements,
        copy_rows_per_s: Math.round(copyRate),
        export_rows_per_s: Math.round(exportRate),
        ratio: round(ratio),
        export_mb: round(ours.bytes / MB, 1),
        copy_mb: round(copy.bytes / MB, 1),
        rss_from_row: rssFrom,
        rss_at_from_mb: round(ours.rssAtFrom / MB, 1),
        rss_peak_mb: round(ours.peakRss / MB, 1),
        rss_growth_mb: round(growth, 1),
        // The JS heap beside it: RSS growing while the heap does not is the allocator and V8's
        // heap sizing, not rows being held.
        heap_at_from_mb: round(ours.heapAtFrom / MB, 1),
        heap_peak_mb: round(ours.peakHeap / MB, 1),
        budget: verdict(ratio >= RATIO_BUDGET, growth < RSS_BUDGET_MB),
      };
    } finally {
      await database.close();
    }
  },
};

/** Reads the whole export as a client would, sampling RSS every 1,000 lines from `rssFrom` on. */
async function measureExport(db: Db, campaignId: string, actorId: string, rssFrom: number) {
  const started = performance.now();
  const stream = await streamExport(db, { campaignId, actorId, options: { format: "trl" } });
  let rows = 0;
  let bytes = 0;
  let rssAtFrom = 0;
  let peakRss = 0;
  let heapAtFrom = 0;
  let peakHeap = 0;
  let nextSample = 1_000;
  for await (const chunk of stream.body) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
    if (rows >= nextSample) {
      nextSample += 1_000;
      const { rss, heapUsed } = process.memoryUsage();
      if (rows >= rssFrom && rssAtFrom === 0) [rssAtFrom, heapAtFrom] = [rss, heapUsed];
      if (rssAtFrom) [peakRss, peakHeap] = [Math.max(peakRss, rss), Math.max(peakHeap, heapUsed)];
    }
  }
  return { rows, bytes, seconds: (performance.now() - started) / 1000, rssAtFrom, peakRss, heapAtFrom, peakHeap };
}

/** The rows the TRL export writes for this data, as JSON, in the same order. */
function baselineQuery(campaignId: string): string {
  return `
    select json_build_object('prompt', i.prompt->0->>'content', 'chosen', c.content, 'rejected', r.content)
    from judgements j
    join items i on i.id = j.item_id
    join responses c on c.id = (j.payload->>'choice')::uuid
    join responses r on r.item_id = j.item_id and r.id <> c.id
    where j.campaign_id = '${campaignId}'
      and not exists (select 1 from judgements v where v.revision_of = j.id)
    order by i.seq, j.seq`;
}

/**
 * Items, responses, submitted assignments and judgements straight from generate_series, in
 * chunks under the statement timeout. Judgements are inserted by SQL only here: a million
 * claim/submit round trips would measure the queue, not the export.
 */
async function insertJudgedItems(
  db: Db,
  campaignId: string,
  annotators: SessionUser[],
  itemCount: number,
): Promise<void> {
  const people = sql.join(
    annotators.map((a) => sql`(${a.id}::uuid)`),
    sql`, `,
  );
  for (let from = 1; from <= itemCount; from += CHUNK) {
    const to = Math.min(itemCount, from + CHUNK - 1);
    await db.execute(sql`
      with new_items as (
        insert into items (campaign_id, external_id, prompt, prompt_format, open_slots, judgement_count)
        select ${campaignId}, 'item-' || g,
          jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'Question ' || g || ': which answer is better, and why?')),
          'text', 0, ${ANNOTATORS}
        from generate_series(${from}::int, ${to}::int) as g
        returning id, external_id
      ), new_responses as (
        insert into responses (item_id, external_id, position, model, content)
        select n.id, r.ext, r.pos, r.model, 'Response ' || r.ext || ' to ' || n.external_id || ': a reasonably long answer with some detail in it.'
        from new_items n cross join (values ('a', 0, 'model-x'), ('b', 1, 'model-y')) as r(ext, pos, model)
        returning id, item_id, position
      ), pairs as (
        select item_id, jsonb_agg(id order by position) as shown from new_responses group by item_id
      ), new_assignments as (
        insert into assignments (campaign_id, item_id, annotator_id, status, display_order, expires_at, completed_at)
        select ${campaignId}, p.item_id, u.id, 'submitted', p.shown, now(), now()
        from pairs p cross join (values ${people}) as u(id)
        returning id, item_id, annotator_id, display_order
      )
      insert into judgements (campaign_id, assignment_id, item_id, annotator_id, payload, display_order,
        guideline_version, template_version, idempotency_key)
      select ${campaignId}, a.id, a.item_id, a.annotator_id,
        jsonb_build_object('choice', a.display_order->>(abs(hashtext(a.id::text)) % 2)),
        a.display_order, 1, 1, gen_random_uuid()::text
      from new_assignments a
    `);
  }
  await db.execute(sql`analyze`);
}
