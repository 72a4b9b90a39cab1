import { sql, type SQL } from "drizzle-orm";

/** Which judge verdicts an ai-judgements export walks instead of the judgements. */
export interface JudgeWalk {
  /** Each chosen judge's newest job (list-judge-runs.ts). */
  jobIds: string[];
  /** The chosen judges' names. */
  names: string[];
  /** Keep verdicts that flipped with the order (or lack their other order), each as a vote. */
  keepInconsistent: boolean;
  /** The snapshot (a timestamptz as text): an item's verdicts count only when both were in by then. */
  until: string;
}

/** What a judge verdict carries besides the vote, for the raw (judgements-shaped) export. */
export interface SuggestionDetail {
  jobId: string;
  orderIndex: number;
  displayOrder: string[];
  consistent: boolean | null;
  createdAt: string;
  promptTokens: number | null;
  completionTokens: number | null;
}

/**
 * The outer item's judge verdicts as bundled judgements (a JSON array), so that every format
 * and aggregation reads them exactly as it reads the humans'. A consistent item gives one
 * vote per judge (its first order's; the other says the same); flipped ones give none, or
 * with `keepInconsistent` one per order. The judge's name stands where an annotator's id
 * would, and `judge` marks the vote as a judge's so the rows can say which one. Judge
 * verdicts record no guideline version (the option is refused for them): 0 stands in.
 */
export function judgeVerdictsOf(walk: JudgeWalk, withDetail: boolean): SQL {
  const detail = withDetail
    ? sql`json_build_object('jobId', s.job_id, 'orderIndex', s.order_index, 'displayOrder', s.display_order,
        'consistent', s.consistent, 'createdAt', s.created_at, 'promptTokens', s.prompt_tokens,
        'completionTokens', s.completion_tokens)`
    : sql`null`;
  const kept = walk.keepInconsistent
    ? sql`((s.consistent and s.order_index = 0) or s.consistent is not true)`
    : sql`(s.consistent and s.order_index = 0)`;
  return sql`
    select json_agg(json_build_object('id', s.id, 'itemId', s.item_id, 'assignmentId', null,
      'annotatorId', s.judge, 'judge', s.judge, 'payload', s.payload, 'guidelineVersion', 0,
      'purpose', 'regular', 'detail', null, 'suggestion', ${detail})
      order by s.judge, s.order_index)
    from suggestions s
    where s.item_id = i.id and s.job_id = any(${sql.param(walk.jobIds)}::uuid[]) and ${kept}
      and not exists (select 1 from suggestions later where later.job_id = s.job_id
        and later.item_id = s.item_id and later.created_at > ${walk.until}::timestamptz)`;
}
