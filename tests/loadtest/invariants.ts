import { Client } from "pg";

export interface InvariantReport {
  acknowledged: number;
  stored: number;
  /** Items × annotators with more than one live judgement (§4 invariant 1). */
  duplicates: number;
  /** Items with more live regular judgements than the overlap (§4 invariant 2). */
  overQuota: number;
  /** Judgements without an assignment of the same annotator (§4 invariant 3). */
  orphans: number;
  /** Acknowledged submissions whose judgement is not stored under the same key (§4 invariants 4, 5). */
  lost: number;
  /** Assignments marked submitted with no judgement behind them. */
  submittedWithoutJudgement: number;
  itemsComplete: number;
  items: number;
}

/** DESIGN §4's invariants, checked with SQL on the run's database after the run. */
export async function checkInvariants(
  url: string,
  params: { campaignId: string; overlap: number; acknowledged: Map<string, string> },
): Promise<InvariantReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const one = async (sql: string, values: unknown[] = [params.campaignId]): Promise<number> => {
    const result = await client.query<{ n: string }>(sql, values);
    return Number(result.rows[0]?.n ?? 0);
  };
  try {
    const live = `select j.* from judgements j join assignments a on a.id = j.assignment_id
      where j.campaign_id = $1 and a.purpose = 'regular'
        and not exists (select 1 from judgements r where r.revision_of = j.id)`;
    const keys = [...params.acknowledged.keys()];
    const ids = [...params.acknowledged.values()];
    const found = await client.query<{ id: string; idempotency_key: string }>(
      "select id, idempotency_key from judgements where id = any($1::uuid[])",
      [ids],
    );
    const storedKeyOf = new Map(found.rows.map((r) => [r.id, r.idempotency_key]));
    const lost = keys.filter((key) => storedKeyOf.get(params.acknowledged.get(key) ?? "") !== key).length;
    return {
      acknowledged: keys.length,
      stored: await one("select count(*) as n from judgements where campaign_id = $1"),
      duplicates: await one(
        `select count(*) as n from (select item_id, annotator_id from (${live}) l group by 1, 2 having count(*) > 1) d`,
      ),
      overQuota: await one(
        `select count(*) as n from (select item_id from (${live}) l group by 1 having count(*) > $2) o`,
        [params.campaignId, params.overlap],
      ),
      orphans: await one(`select count(*) as n from judgements j
        left join assignments a on a.id = j.assignment_id and a.annotator_id = j.annotator_id and a.item_id = j.item_id
        where j.campaign_id = $1 and a.id is null`),
      lost,
      submittedWithoutJudgement: await one(`select count(*) as n from assignments a
        where a.campaign_id = $1 and a.status = 'submitted'
          and not exists (select 1 from judgements j where j.assignment_id = a.id)`),
      itemsComplete: await one(
        `select count(*) as n from (select item_id from (${live}) l group by 1 having count(*) = $2) c`,
        [params.campaignId, params.overlap],
      ),
      items: await one("select count(*) as n from items where campaign_id = $1"),
    };
  } finally {
    await client.end();
  }
}
