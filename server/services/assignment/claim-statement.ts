import { randomInt } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Assignment, Campaign } from "@/db/schema";
import type { ContentKind } from "@/db/schema/items";
import type { LeakStatus } from "@/server/domain/identity-leak";
import type { Message } from "@/server/formats/messages";
import { openItemQuery } from "./pick-open-item";
import { expireLeasesSql } from "./release-expired-leases";
import { taskFrom, type Task } from "./task";
import { jsonColumn } from "@/server/services/json-column";

export interface ClaimStatementParams {
  campaign: Pick<Campaign, "id" | "leaseTtlSeconds" | "template" | "guidelineVersion">;
  annotatorId: string;
  /** Expire this campaign's lapsed leases (bounded, skipping locked ones) and report the freed items. */
  release: boolean;
  /** Return the annotator's live lease, if they hold one, instead of leasing anything new. */
  held: boolean;
  /** A lease the caller already shows (a prefetch asks for the task after it): never returned as held, and a lease taken now is not shown yet. */
  except?: string | null;
  /** Lease a new item of this kind when there is no held lease (null: lease nothing new). */
  pick: { gold: boolean; skipLocked: boolean } | null;
}

export interface ClaimStatementResult {
  task: Task | null;
  /** Items whose regular leases were expired here, once per lease: their slots still need giving back. */
  freed: string[];
}

/**
 * One round trip of the claim (DESIGN §6): in a single statement, expire lapsed leases, find
 * the annotator's live lease or pick, lock and take a slot of an open item (the exact candidate
 * query of pick-open-item.ts), insert the lease with a random display order, and return the task
 * with its prompt and responses. The statement runs inside the claim's transaction, after the
 * membership row is locked, so it sees every lease the annotator's earlier claims committed.
 *
 * The display order is drawn here with a cryptographic source, as a permutation of response
 * positions that the statement applies to the item's responses: restricted to the item's
 * positions, a uniform permutation stays uniform.
 */
export async function runClaimStatement(db: Db, params: ClaimStatementParams): Promise<ClaimStatementResult> {
  const { campaign, annotatorId } = params;
  const expired = params.release ? expireLeasesSql(campaign.id) : sql`select null::uuid as item_id, null::text as purpose where false`;
  const except = params.except ? sql`and id <> ${params.except}` : sql``;
  // The oldest live lease first: with a prefetched one beside it, a reload shows the task the
  // annotator was on, and the prefetched one comes next.
  const held = params.held
    ? sql`select * from assignments
        where annotator_id = ${annotatorId} and campaign_id = ${campaign.id}
          and status = 'leased' and expires_at > now() ${except}
        order by leased_at asc limit 1`
    : sql`select * from assignments where false`;
  const picked = params.pick
    ? openItemQuery(
        db,
        { campaignId: campaign.id, annotatorId, gold: params.pick.gold, unless: params.held ? sql`exists (select 1 from held)` : undefined },
        { skipLocked: params.pick.skipLocked },
      )
    : sql`select null::uuid as id where false`;
  const result = (await db.execute(sql`
    with expired as (${expired}),
    held as (${held}),
    picked as (${picked}),
    took as (
      update items set open_slots = items.open_slots - 1 from picked where items.id = picked.id returning items.id
    ),
    shown as (
      select took.id as item_id, jsonb_agg(r.id order by (${permutation()}::int[])[r.position + 1], r.position) as display_order
      from took join responses r on r.item_id = took.id
      group by took.id
    ),
    leased as (
      insert into assignments (campaign_id, item_id, annotator_id, purpose, display_order, expires_at, shown_at)
      select ${campaign.id}, shown.item_id, ${annotatorId}, 'regular', shown.display_order,
        now() + make_interval(secs => ${campaign.leaseTtlSeconds}), ${params.except ? sql`null::timestamptz` : sql`now()`}
      from shown
      returning *
    ),
    lease as (select * from held union all select * from leased)
    select
      (select json_agg(e.item_id) from expired e where e.purpose = 'regular') as freed,
      (select json_build_object(
          'assignment', to_json(l),
          'prompt', i.prompt,
          'leakStatus', i.leak_status,
          'responses', (select json_agg(json_build_object('id', r.id, 'contentKind', r.content_kind, 'content', r.content, 'steps', r.steps, 'reasoning', r.reasoning, 'messages', r.messages))
                        from responses r where r.item_id = l.item_id))
        from lease l join items i on i.id = l.item_id
        limit 1) as task
  `)) as unknown as { rows: { freed: unknown; task: unknown }[] };
  const row = result.rows[0];
  const freed = (jsonColumn(row?.freed) as string[] | null) ?? [];
  const found = jsonColumn(row?.task) as TaskJson | null;
  return { freed, task: found ? taskFrom(assignmentFrom(found.assignment), campaign, { id: found.assignment.item_id, prompt: found.prompt, leakStatus: found.leakStatus }, found.responses ?? []) : null };
}

/** Positions 0..63 in a random order (more than any template's response count). */
function permutation(): SQL {
  const values = Array.from({ length: 64 }, (_, i) => i);
  for (let i = values.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [values[i], values[j]] = [values[j] as number, values[i] as number];
  }
  return sql`${`{${values.join(",")}}`}`;
}

interface TaskJson {
  assignment: AssignmentJson;
  prompt: Message[];
  leakStatus: LeakStatus;
  responses: { id: string; contentKind: ContentKind; content: string; steps: string[] | null; reasoning: string | null; messages: Message[] | null }[] | null;
}

/** An assignments row as Postgres renders it in JSON: snake_case, ISO timestamps. */
interface AssignmentJson {
  id: string;
  campaign_id: string;
  item_id: string;
  annotator_id: string;
  purpose: Assignment["purpose"];
  status: Assignment["status"];
  display_order: string[];
  leased_at: string;
  expires_at: string;
  draft: unknown;
  suggestion: Assignment["suggestion"];
  skip_reason: string | null;
  completed_at: string | null;
  shown_at: string | null;
}

function assignmentFrom(a: AssignmentJson): Assignment {
  return {
    id: a.id,
    campaignId: a.campaign_id,
    itemId: a.item_id,
    annotatorId: a.annotator_id,
    purpose: a.purpose,
    status: a.status,
    displayOrder: a.display_order,
    leasedAt: new Date(a.leased_at),
    expiresAt: new Date(a.expires_at),
    draft: a.draft,
    suggestion: a.suggestion ?? null,
    skipReason: a.skip_reason,
    completedAt: a.completed_at === null ? null : new Date(a.completed_at),
    shownAt: a.shown_at === null ? null : new Date(a.shown_at),
  };
}
