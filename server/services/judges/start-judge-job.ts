import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, jobs, jobTasks, type Job } from "@/db/schema";
import { RESPONSE_COUNT_BOUNDS } from "@/server/domain/template-config";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { assertUuid } from "@/server/services/ids";
import { loadModelEndpoint } from "@/server/services/models/load-model-endpoint";
import { startJudgeInput, type JudgeJobParams, type StartJudgeInput } from "./judge-inputs";
import { writeTransaction } from "@/server/services/with-retry";
import { assertNoJobInProgress } from "@/server/services/jobs/assert-no-job-in-progress";

/**
 * Queues an LLM judge over every item of the campaign that has its responses (pairwise,
 * ranking or rating): two tasks per item, one per display order (sample 0 = import order,
 * 1 = reversed), so that a verdict that follows the position rather than the content shows up
 * as inconsistent.
 */
export async function startJudgeJob(
  db: Db,
  params: { campaignId: string; input: StartJudgeInput; actorId: string | null },
): Promise<Job> {
  assertUuid(params.campaignId, "campaign");
  const input = startJudgeInput.parse(params.input);
  const endpoint = await loadModelEndpoint(db, { endpointId: input.endpoint });
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    if (campaign.template.kind === "steps") {
      throw new AppError("BAD_REQUEST", "LLM judges do not label steps: judge a pairwise, ranking or rating campaign");
    }
    // A judge gives one verdict per item; a per-turn campaign needs one per turn.
    if (campaign.template.kind === "pairwise" && campaign.template.per_turn) {
      throw new AppError("BAD_REQUEST", "LLM judges give one verdict per item, not one per turn: they do not judge per-turn campaigns yet");
    }
    const { min, max } = RESPONSE_COUNT_BOUNDS[campaign.template.kind];
    await assertNoJobInProgress(tx, { campaignId: campaign.id, kind: "judge" });
    const jobParams: JudgeJobParams = {
      endpoints: [endpoint.id],
      ...(input.prompt ? { prompt: input.prompt } : {}),
    };
    const [job] = await tx
      .insert(jobs)
      .values({
        campaignId: campaign.id,
        kind: "judge",
        params: { ...jobParams },
        createdBy: params.actorId,
      })
      .returning();
    if (!job) throw new Error("insert returned no row");
    await tx.execute(sql`
      insert into job_tasks (job_id, item_id, endpoint_id, sample)
      select ${job.id}, i.id, ${endpoint.id}, o.sample
      from items i cross join (values (0), (1)) as o(sample)
      where i.campaign_id = ${campaign.id} and not i.awaiting_generation and i.kind <> 'probe'
        and (select count(*) from responses r where r.item_id = i.id) between ${min} and ${max}
    `);
    const [planned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(jobTasks)
      .where(eq(jobTasks.jobId, job.id));
    if (Number(planned?.n ?? 0) === 0)
      throw new AppError("BAD_REQUEST", "The campaign has no items with responses to judge");
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "job.judge",
      campaignId: campaign.id,
      subjectType: "job",
      subjectId: job.id,
      details: { endpoint: endpoint.id, tasks: Number(planned?.n ?? 0) },
    });
    return job;
  });
}
