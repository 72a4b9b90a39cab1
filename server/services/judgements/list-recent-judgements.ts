import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, items, judgements, responses } from "@/db/schema";
import type { ContentKind } from "@/db/schema/items";
import type { Message } from "@/server/formats/messages";
import { payloadToHandles, taskHandle } from "@/server/services/assignment/task-handles";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import type { SessionUser } from "@/server/services/users/session-user";
import type { JudgementPayload } from "./judgement-payload";
import { REVISION_WINDOW_HOURS } from "./revise-judgement-input";

export interface RecentJudgement {
  judgementId: string;
  submittedAt: Date;
  payload: JudgementPayload;
  /** The task as it was shown (responses in display order), so it can be reopened and revised. */
  task: {
    assignmentId: string;
    item: { id: string; prompt: Message[] };
    /** `steps`: a response's explicit steps, when it was imported with them; `messages`: a continuation's. */
    responses: { id: string; contentKind: ContentKind; content: string; steps?: string[]; messages?: Message[] }[];
    template: TemplateConfig;
  };
}

/**
 * The annotator's own live answers in a campaign that can still be revised (within the
 * window), newest first. Reads only their assignments (assignments_annotator_id_campaign_id_status_idx).
 */
export async function listRecentJudgements(
  db: Db,
  params: { campaignId: string; user: SessionUser; limit?: number },
): Promise<RecentJudgement[]> {
  const { campaignId, user } = params;
  const campaign = await getCampaignForUser(db, { campaignId, user });
  const done = await db
    .select({ assignment: assignments, prompt: items.prompt })
    .from(assignments)
    .innerJoin(items, eq(items.id, assignments.itemId))
    .where(
      and(
        eq(assignments.annotatorId, user.id),
        eq(assignments.campaignId, campaignId),
        eq(assignments.status, "submitted"),
        gt(assignments.completedAt, sql`now() - make_interval(hours => ${REVISION_WINDOW_HOURS})`),
      ),
    )
    .orderBy(desc(assignments.completedAt))
    .limit(Math.min(params.limit ?? 10, 50));
  if (done.length === 0) return [];
  const live = await db
    .select({ id: judgements.id, assignmentId: judgements.assignmentId, payload: judgements.payload, submittedAt: judgements.submittedAt })
    .from(judgements)
    .where(
      and(
        inArray(judgements.assignmentId, done.map((d) => d.assignment.id)),
        sql`not exists (select 1 from judgements r where r.revision_of = ${judgements.id})`,
      ),
    );
  const rows = await db
    .select({ id: responses.id, contentKind: responses.contentKind, content: responses.content, steps: responses.steps, messages: responses.messages })
    .from(responses)
    .where(inArray(responses.itemId, done.map((d) => d.assignment.itemId)))
    .orderBy(asc(responses.position));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const liveByAssignment = new Map(live.map((j) => [j.assignmentId, j]));
  return done.flatMap(({ assignment, prompt }) => {
    const judgement = liveByAssignment.get(assignment.id);
    if (!judgement) return [];
    return [
      {
        judgementId: judgement.id,
        submittedAt: judgement.submittedAt,
        // Shown as the task was: per-assignment handles, never the real ids (task-handles.ts).
        payload: payloadToHandles(judgement.payload as Record<string, unknown>, {
          assignmentId: assignment.id,
        }) as JudgementPayload,
        task: {
          assignmentId: assignment.id,
          item: { id: taskHandle(assignment.id, assignment.itemId), prompt },
          responses: assignment.displayOrder.flatMap((id) => {
            const r = byId.get(id);
            if (!r) return [];
            const { steps, messages, ...rest } = r;
            const shown = { ...rest, id: taskHandle(assignment.id, r.id) };
            return [{ ...shown, ...(steps ? { steps } : {}), ...(messages ? { messages } : {}) }];
          }),
          template: campaign.template,
        },
      },
    ];
  });
}
