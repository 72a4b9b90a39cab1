import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export interface JudgeRun {
  judge: string;
  jobId: string;
  endpointId: string | null;
  /** Stored verdicts of this run (both display orders). */
  verdicts: number;
  /** Items whose two verdicts agree: what an ai-judgements export holds by default. */
  consistentItems: number;
}

/**
 * Each judge that has judged the campaign, by its newest job: a later run (another prompt, a
 * fixed endpoint) supersedes the earlier ones, for the figures and for the exports alike.
 */
export async function listJudgeRuns(db: Db, params: { campaignId: string }): Promise<JudgeRun[]> {
  const result = (await db.execute(sql`
    with latest as (
      select distinct on (judge) judge, job_id
      from suggestions where campaign_id = ${params.campaignId}
      order by judge, created_at desc, job_id
    )
    select l.judge, l.job_id as "jobId",
      (select s.endpoint_id from suggestions s where s.job_id = l.job_id limit 1) as "endpointId",
      (select count(*)::int from suggestions s where s.job_id = l.job_id) as verdicts,
      (select count(*)::int from suggestions s where s.job_id = l.job_id and s.consistent and s.order_index = 0) as "consistentItems"
    from latest l order by l.judge`)) as unknown as { rows: JudgeRun[] };
  return result.rows.map((r) => ({ ...r, verdicts: Number(r.verdicts), consistentItems: Number(r.consistentItems) }));
}
