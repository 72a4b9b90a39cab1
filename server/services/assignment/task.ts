import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, responses, type Assignment } from "@/db/schema";
import type { ContentKind } from "@/db/schema/items";
import type { LeakStatus } from "@/server/domain/identity-leak";
import type { Message } from "@/server/formats/messages";
import type { TaskSuggestion } from "@/server/domain/suggestion";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { responseSteps } from "@/server/domain/steps";
import { taskHandle } from "./task-handles";

/**
 * What an annotator's screen (or a pipeline's `tasks/next`) gets: responses in display order,
 * with no model names or source ids that could hint at which is which. The item and response
 * ids are this assignment's opaque handles (taskHandle), never the real ids, so a probe does
 * not give itself away; answers name responses by these handles.
 */
export interface Task {
  assignmentId: string;
  campaignId: string;
  expiresAt: Date;
  leasedAt: Date;
  item: { id: string; prompt: Message[] };
  /**
   * `steps` only under a steps template: the response cut into the steps the annotator labels.
   * `messages` when the response is a continuation (turns, tool calls) rather than one text.
   */
  responses: { id: string; contentKind: ContentKind; content: string; steps?: string[]; reasoning?: string | null; messages?: Message[] }[];
  template: TemplateConfig;
  guidelineVersion: number;
  draft: unknown;
  /**
   * An LLM judge's suggestion, only in a `before_submit` campaign and only when the item has
   * one (attachTaskSuggestion); null otherwise.
   */
  suggestion: TaskSuggestion | null;
  /**
   * A response may reveal which model wrote it (the identity-leak guard flagged it and no admin
   * cleared it): the screen says so, naming neither the response nor the model.
   */
  identityWarning: boolean;
}

/** The item columns a task is built from. */
interface TaskItemRow {
  id: string;
  prompt: Message[];
  leakStatus: LeakStatus;
}

/** The response columns a task is built from. */
export const TASK_RESPONSE_COLUMNS = {
  id: responses.id,
  contentKind: responses.contentKind,
  content: responses.content,
  steps: responses.steps,
  reasoning: responses.reasoning,
  messages: responses.messages,
};
export interface TaskResponseRow {
  id: string;
  contentKind: ContentKind;
  content: string;
  steps: string[] | null;
  reasoning: string | null;
  messages: Message[] | null;
}

/**
 * Builds the task for an assignment. A claim that has just read the campaign or the item's
 * responses passes them in (`known`), so the reply costs no second round trip for them.
 */
export async function loadTask(
  db: Db,
  assignment: Assignment,
  known: {
    campaign?: { template: TemplateConfig; guidelineVersion: number };
    responses?: TaskResponseRow[];
  } = {},
): Promise<Task> {
  const [item] = await db
    .select({ id: items.id, prompt: items.prompt, leakStatus: items.leakStatus })
    .from(items)
    .where(eq(items.id, assignment.itemId));
  const campaign =
    known.campaign ??
    (
      await db
        .select({ template: campaigns.template, guidelineVersion: campaigns.guidelineVersion })
        .from(campaigns)
        .where(eq(campaigns.id, assignment.campaignId))
    )[0];
  if (!item || !campaign) throw new Error("assignment without item or campaign");
  const rows =
    known.responses ??
    (await db
      .select(TASK_RESPONSE_COLUMNS)
      .from(responses)
      .where(inArray(responses.id, assignment.displayOrder))
      .orderBy(asc(responses.position)));
  return taskFrom(assignment, campaign, item, rows);
}

/** The task of an assignment from rows already read: responses in the assignment's display order. */
export function taskFrom(
  assignment: Assignment,
  campaign: { template: TemplateConfig; guidelineVersion: number },
  item: TaskItemRow,
  rows: { id: string; contentKind: ContentKind; content: string; steps?: string[] | null; reasoning?: string | null; messages?: Message[] | null }[],
): Task {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const template = campaign.template;
  return {
    assignmentId: assignment.id,
    campaignId: assignment.campaignId,
    expiresAt: assignment.expiresAt,
    leasedAt: assignment.leasedAt,
    item: { id: taskHandle(assignment.id, item.id), prompt: item.prompt },
    responses: assignment.displayOrder.flatMap((id) => {
      const response = byId.get(id);
      return response
        ? [
            {
              id: taskHandle(assignment.id, response.id),
              contentKind: response.contentKind,
              content: response.content,
              ...(template.kind === "steps" ? { steps: responseSteps(response, template.split) } : {}),
              ...(response.reasoning ? { reasoning: response.reasoning } : {}),
              ...(response.messages ? { messages: response.messages } : {}),
            },
          ]
        : [];
    }),
    template,
    guidelineVersion: campaign.guidelineVersion,
    draft: assignment.draft ?? null,
    suggestion: null,
    // `held` too: a lease taken before the item was held is still served.
    identityWarning: item.leakStatus === "warned" || item.leakStatus === "held",
  };
}
