import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responses } from "@/db/schema";
import { responseSteps } from "@/server/domain/steps";
import { itemTurnCount } from "@/server/domain/turns";
import { AppError } from "@/server/errors";
import type { ItemResponseRow } from "@/server/services/assignment/lock-assignment";
import { payloadFromHandles } from "@/server/services/assignment/task-handles";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { payloadSchemaFor, type JudgementPayload } from "./judgement-payload";

/**
 * Checks an answer against the campaign's template and this item's response ids, the same way
 * for a first submit and for a revision; a bad answer is BAD_REQUEST with per-field issues.
 * The answer names responses by the assignment's task handles; what is stored (and returned)
 * names the real response ids.
 */
export async function validateItemPayload(
  db: Db,
  params: {
    template: TemplateConfig;
    /** The assignment whose task handles the answer may use; absent, only real ids count (adjudication). */
    assignmentId?: string;
    itemId: string;
    payload: Record<string, unknown>;
    /** The item's responses in position order, when the caller has read them already (a submit's locking read). */
    responses?: ItemResponseRow[] | null;
  },
): Promise<JudgementPayload> {
  const rows =
    params.responses ??
    (await db
      .select({ id: responses.id, content: responses.content, steps: responses.steps, messages: responses.messages })
      .from(responses)
      .where(eq(responses.itemId, params.itemId))
      .orderBy(asc(responses.position)));
  const responseIds = rows.map((r) => r.id);
  const template = params.template;
  const stepCounts = new Map(
    template.kind === "steps" ? rows.map((r) => [r.id, responseSteps(r, template.split).length]) : [],
  );
  const turnCount = template.kind === "pairwise" && template.per_turn ? itemTurnCount(rows) : undefined;
  const payload =
    params.assignmentId === undefined
      ? params.payload
      : payloadFromHandles(params.payload, { assignmentId: params.assignmentId, responseIds });
  const parsed = payloadSchemaFor(template, responseIds, stepCounts, turnCount).safeParse(payload);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "The answer is not valid for this task", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data as JudgementPayload;
}
