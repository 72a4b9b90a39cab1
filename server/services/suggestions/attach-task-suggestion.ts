import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Campaign } from "@/db/schema";
import type { Task } from "@/server/services/assignment/task";
import { itemSuggestionJson, parseSuggestion } from "./find-item-suggestion";
import { toTaskSuggestion } from "./task-suggestion";

/**
 * A claimed task with its suggestion, in a `before_submit` campaign (DESIGN §15); any other
 * mode returns the task untouched, without reading a suggestion at all. The suggestion shown is
 * kept on the assignment the first time it is shown, in the same statement that finds it, so
 * that a reload shows the same one and the judgement is measured against what the annotator
 * saw, whatever judge runs in between.
 */
export async function attachTaskSuggestion(
  db: Db,
  params: { campaign: Pick<Campaign, "suggestionMode">; task: Task },
): Promise<Task> {
  const { task } = params;
  if (params.campaign.suggestionMode !== "before_submit") return task;
  const result = (await db.execute(sql`
    with found as (
      select ${itemSuggestionJson(sql`a.item_id`)} as suggestion
      from assignments a where a.id = ${task.assignmentId} and a.suggestion is null
    ),
    kept as (
      update assignments set suggestion = found.suggestion
      from found
      where assignments.id = ${task.assignmentId} and found.suggestion is not null
      returning assignments.suggestion
    )
    select coalesce((select suggestion from kept), (select suggestion from assignments where id = ${task.assignmentId})) as suggestion
  `)) as unknown as { rows: { suggestion: unknown }[] };
  const shown = parseSuggestion(result.rows[0]?.suggestion);
  return shown ? { ...task, suggestion: toTaskSuggestion(shown, task.assignmentId) } : task;
}
