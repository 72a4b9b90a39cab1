import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { items, responses, type Assignment, type Campaign } from "@/db/schema";
import { taskHandle } from "@/server/services/assignment/task-handles";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { goldVerdict, responsePairs, sameVerdict, verdictOf, type Verdict } from "@/server/services/exports/verdicts";
import type { JudgementPayload } from "./judgement-payload";

/** What an annotator is shown after answering a gold item, when the campaign gives feedback. */
export interface GoldFeedback {
  /**
   * The gold answer in the payload shape of the template (`choice`, or `ranking` /
   * `not_rankable`), naming responses by this task's handles, as the task did; null when the
   * stored answer names no response of this item.
   */
  expected: Record<string, unknown> | null;
  /** The guideline passage (markdown) imported with the item; null when there is none. */
  explanation: string | null;
  /** Whether the answer says what the gold answer says about every pair, as gold accuracy counts it. */
  agreed: boolean | null;
}

/**
 * Feedback for a submitted answer: null unless the campaign has gold feedback on and the item
 * is a gold item, so nothing about an item's kind leaves the server otherwise. Answered only
 * after the judgement is stored, never with the task.
 */
export async function getGoldFeedback(
  db: Db,
  params: {
    campaign: Pick<Campaign, "goldFeedback" | "template">;
    assignment: Pick<Assignment, "id" | "itemId">;
    payload: JudgementPayload;
  },
): Promise<GoldFeedback | null> {
  if (!params.campaign.goldFeedback) return null;
  const [item] = await db
    .select({ kind: items.kind, goldAnswer: items.goldAnswer, goldExplanation: items.goldExplanation })
    .from(items)
    .where(eq(items.id, params.assignment.itemId));
  if (item?.kind !== "gold") return null;
  const rows = await db
    .select({ id: responses.id, externalId: responses.externalId })
    .from(responses)
    .where(eq(responses.itemId, params.assignment.itemId))
    .orderBy(asc(responses.position));
  const gold = goldVerdict(item.goldAnswer, rows);
  const given = verdictOf(params.payload, rows);
  const handle = (id: string) => taskHandle(params.assignment.id, id);
  return {
    expected: gold ? expectedPayload(gold, params.campaign.template, rows.length, handle) : null,
    explanation: item.goldExplanation,
    agreed: gold && given ? sameVerdict(given, gold, responsePairs(params.assignment.itemId, rows)) : null,
  };
}

/** A verdict written back in the answer shape the annotator's template uses. */
function expectedPayload(
  verdict: Verdict,
  template: TemplateConfig,
  responseCount: number,
  handle: (id: string) => string,
): Record<string, unknown> {
  const ranked =
    template.kind === "ranking" || (template.kind === "rating" && template.then === "ranking") || responseCount > 2;
  if (verdict.kind === "both_bad") return ranked ? { not_rankable: true } : { choice: "both_bad" };
  if (ranked) return { ranking: verdict.groups.map((group) => group.map(handle)) };
  const [first] = verdict.groups;
  return verdict.groups.length === 1 || !first?.[0] ? { choice: "tie" } : { choice: handle(first[0]) };
}
