import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, items, jobs, responses } from "@/db/schema";
import { judgePromptMessages } from "@/server/services/judges/judge-prompt";
import type { JudgeJobParams } from "@/server/services/judges/judge-inputs";
import { parseVerdict } from "@/server/services/judges/parse-verdict";
import { responseLabels, verdictResponseFormat, verdictSpec } from "@/server/services/judges/verdict-schema";
import { ModelCallError } from "@/server/services/models/model-call-error";
import { completeChat } from "@/server/services/models/complete-chat";
import { revealApiKey } from "@/server/services/models/endpoint-secret";
import { loadModelEndpoint } from "@/server/services/models/load-model-endpoint";
import type { ClaimedTask } from "./claim-tasks";
import { finishJudgeTask } from "./finish-judge-task";
import type { BackoffOptions } from "./retry-policy";
import { settleFailedCall, type TaskOutcome } from "./settle-failed-call";
import { failTask } from "./task-outcomes";

/**
 * Runs one judge task: the item's conversation and its responses, in this task's display order
 * (labelled A, B, …), to the judge; the reply parsed into a verdict in the template's payload
 * shape naming response ids. A reply that is not a verdict fails the task with a message that
 * says so (quoting its start).
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
  if (!job || !item || item.template.kind === "steps") return "lost";
  const pair = await db
    .select({ id: responses.id, content: responses.content })
    .from(responses)
    .where(eq(responses.itemId, task.itemId))
    .orderBy(asc(responses.position));
  const shown = task.sample === 0 ? pair : [...pair].reverse();
  const displayOrder = shown.map((r) => r.id);
  const endpoint = await loadModelEndpoint(db, { endpointId: task.endpointId });
  const spec = verdictSpec(item.template, shown.length);
  const labels = responseLabels(shown.length);

  try {
    const call = (structured: boolean) =>
      completeChat({
        endpoint,
        apiKey: revealApiKey(endpoint),
        messages: judgePromptMessages({
          instructions: (job.params as unknown as JudgeJobParams).prompt,
          kind: item.template.kind,
          guidelines: item.guidelines,
          answerFormat: spec.example,
          prompt: item.prompt,
          responses: shown.map((r, i) => ({ label: labels[i] ?? "?", content: r.content })),
        }),
        generation: endpoint.params,
        ...(structured ? { responseFormat: verdictResponseFormat(spec) } : {}),
        signal: params.signal,
      });
    // A server that refuses structured output (a 400 naming response_format, or just a 400) is
    // asked once more without it: the instructions still ask for the JSON, and the parser is
    // tolerant of how it comes back.
    const result = await call(true).catch((error: unknown) => {
      if (error instanceof ModelCallError && error.status === 400) return call(false);
      throw error;
    });
    const verdict = parseVerdict(result.content, spec, displayOrder);
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
