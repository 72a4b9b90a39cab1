import { getTableColumns, sql, type Column, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { Db } from "@/db/client";
import { judgements, type Assignment, type Campaign, type Judgement, type NewJudgement } from "@/db/schema";
import { suggestionOutcome } from "@/server/services/suggestions/suggestion-agreement";
import type { JudgementPayload } from "./judgement-payload";

export interface JudgementInsert {
  assignment: Assignment;
  campaign: Pick<Campaign, "guidelineVersion" | "templateVersion">;
  payload: JudgementPayload;
  activeMs: number | undefined;
  idempotencyKey: string;
  revisionOf?: string;
}

/**
 * The row a judgement is stored as, stamped with what the annotator was shown and the
 * campaign's guideline and template versions at that moment. A first answer and a revision
 * differ only in `revisionOf`; both are measured against the suggestion the assignment showed,
 * so a revision keeps `suggestion_shown` and re-computes the agreement.
 */
function judgementRow(params: JudgementInsert): NewJudgement {
  const { assignment, campaign } = params;
  return {
    campaignId: assignment.campaignId,
    assignmentId: assignment.id,
    itemId: assignment.itemId,
    annotatorId: assignment.annotatorId,
    payload: params.payload,
    displayOrder: assignment.displayOrder,
    guidelineVersion: campaign.guidelineVersion,
    templateVersion: campaign.templateVersion,
    shownAt: assignment.shownAt ?? assignment.leasedAt,
    activeMs: params.activeMs,
    ...suggestionOutcome(assignment.suggestion, params.payload, assignment.displayOrder),
    idempotencyKey: params.idempotencyKey,
    revisionOf: params.revisionOf,
  };
}

/** Appends a judgement row for an assignment (see judgementRow). */
export async function insertJudgement(db: Db, params: JudgementInsert): Promise<Judgement> {
  const [judgement] = await db.insert(judgements).values(judgementRow(params)).returning();
  if (!judgement) throw new Error("insert returned no row");
  return judgement;
}

/**
 * The same insert as SQL that inserts only if `from` (a CTE's name) has a row, for a statement
 * that writes something else first and stores the judgement only if that write happened.
 * Columns and values are encoded by the schema's own column definitions, as the builder does.
 */
export function judgementInsertSql(params: JudgementInsert, from: SQL): SQL {
  const columns = getTableColumns(judgements);
  const entries = Object.entries(judgementRow(params)).flatMap(([key, value]) => {
    const column = columns[key as keyof typeof columns];
    return column && value !== undefined ? [{ column, value }] : [];
  });
  return sql`insert into judgements (${sql.join(entries.map((e) => sql.identifier(columnName(e.column))), sql`, `)})
    select ${sql.join(entries.map((e) => sql`${e.value === null ? sql`null` : sql.param(e.value, e.column)}::${sql.raw(e.column.getSQLType())}`), sql`, `)}
    from ${from}
    returning *`;
}

/** A judgements row as returned by raw SQL, decoded by the schema's column definitions. */
export function judgementFromRow(row: Record<string, unknown>): Judgement {
  const decoded: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(judgements))) {
    const value = row[columnName(column)];
    decoded[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return decoded as Judgement;
}

/** A column's name in the database: the schema names columns by their keys, in snake_case (db/client.ts). */
function columnName(column: Column): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}
