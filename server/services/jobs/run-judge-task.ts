import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, jobs, responses } from "@/db/schema";
import { judgePromptMessages } from "@/server/services/judges/judge-prompt";
import type { JudgeJobParams } from "@/server/services/judges/judge-inputs";
import { parseVerdict } from "@/server/services/judges/parse-verdict";
import { completeChat } from "@/server/services/models/complete-chat";
import { revealApiKey } from "@/server/services/models/endpoint-secret";
import { loadModelEndpoint } from "@/server/services/models/load-model-endpoint";
import type { ClaimedTask } from "./claim-tasks";
import { finishJudgeTask } from "./finish-judge-task";
import type { BackoffOptions } from "./retry-policy";
import { settleFailedCall, type TaskOutcome } from "./settle-failed-call";
import { failTask } from "./task-outcomes";

/**
 * Runs one judge task: the item's conversation and its two responses, in this task's display
 * order, to the judge; the reply parsed into a pairwise verdict naming response ids. A reply
 * that is not a verdict fails the task with a message that says so (quoting its start).
 */
export async function runJudgeTask(
  db: Db,
  params: { task: ClaimedTask; workerId: string; signal: AbortSignal; backoff: BackoffOptions; stopping: () => boolean },
): Promise<TaskOutcome> {
  const { task, workerId } = params;
  const [job] = await db.select({ params: jobs.params }).from(jobs).where(eq(jobs.id, task.jobId));
  const [item] = await db
    .select({ prompt: items.prompt, guidelines: campaigns.guidelines, template: campaigns.template })
    .from(items)
    .innerJoin(campaigns, eq(campaigns.id, items.campaignId))
    .where(eq(items.id, task.itemId));
  if (!job || !item || item.template.kind !== "pairwise") return "lost";
  const pair = await db
    .select({ id: responses.id, content: responses.content })
    .from(responses)
    .where(eq(responses.itemId, task.itemId))
    .orderBy(asc(responses.position));
  const shown = task.sample === 0 ? pair : [...pair].reverse();
  const displayOrder = shown.map((r) => r.id);
  const endpoint = await loadModelEndpoint(db, { endpointId: task.endpointId });
  const options = { allowTie: item.template.allow_tie, allowBothBad: item.template.allow_both_bad };

  try {
    const result = await completeChat({
      endpoint,
      apiKey: revealApiKey(endpoint),
      messages: judgePromptMessages({
        instructions: (job.params as unknown as JudgeJobParams).prompt,
        guidelines: item.guidelines,
        ...options,
        prompt: item.prompt,
        responses: shown.map((r, i) => ({ label: i === 0 ? "A" : "B", content: r.content })),
      }),
      generation: endpoint.params,
      signal: params.signal,
    });
    const verdict = parseVerdict(result.content, displayOrder, options);
    if ("error" in verdict) return (await failTask(db, { task, workerId, message: verdict.error })) ? "failed" : "lost";
    const stored = await finishJudgeTask(db, {
      task,
      workerId,
      judge: endpoint.name,
      displayOrder,
      payload: verdict.payload,
      usage: { promptTokens: result.promptTokens, completionTokens: result.completionTokens, latencyMs: result.latencyMs },
    });
    return stored ? "done" : "lost";
  } catch (error) {
    return settleFailedCall(db, { task, workerId, error, backoff: params.backoff, stopping: params.stopping });
  }
}
