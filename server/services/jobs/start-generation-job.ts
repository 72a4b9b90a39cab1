import { randomInt } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, jobs, jobTasks, modelEndpoints, type Job } from "@/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { RESPONSE_COUNT_BOUNDS } from "@/server/services/campaigns/template-config";
import { assertUuid } from "@/server/services/ids";
import { startGenerationInput, type StartGenerationInput } from "./generate-inputs";
import type { GenerateJobParams } from "./job-types";
import { generatedResponseId } from "./generated-response-id";
import { writeTransaction } from "@/server/services/with-retry";
import { assertNoJobInProgress } from "@/server/services/jobs/assert-no-job-in-progress";

/**
 * Queues a generation job for every prompt of the campaign still waiting for responses: one
 * task per (prompt, endpoint, sample), written in one statement. Slots a previous job already
 * filled get no task, so re-running after a failure only asks for what is missing.
 */
export async function startGenerationJob(
  db: Db,
  params: { campaignId: string; input: StartGenerationInput; actorId: string | null },
): Promise<Job> {
  assertUuid(params.campaignId, "campaign");
  const input = startGenerationInput.parse(params.input);
  return writeTransaction(db, async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(eq(campaigns.id, params.campaignId))
      .for("update");
    if (!campaign) throw new AppError("NOT_FOUND", "No such campaign");
    if (campaign.status === "archived")
      throw new AppError("CONFLICT", "An archived campaign takes no new responses");

    const perItem = input.endpoints.length * input.samples_per_endpoint;
    const bounds = RESPONSE_COUNT_BOUNDS[campaign.template.kind];
    if (perItem < bounds.min || perItem > bounds.max) {
      const wanted = bounds.min === bounds.max ? `${bounds.min}` : `${bounds.min} to ${bounds.max}`;
      throw new AppError(
        "BAD_REQUEST",
        `A ${campaign.template.kind} campaign needs ${wanted} responses per prompt; ${input.endpoints.length} endpoint(s) × ${input.samples_per_endpoint} sample(s) make ${perItem}`,
      );
    }
    const found = await tx
      .select({ id: modelEndpoints.id })
      .from(modelEndpoints)
      .where(inArray(modelEndpoints.id, input.endpoints));
    if (found.length !== input.endpoints.length)
      throw new AppError("NOT_FOUND", "No such model endpoint");

    await assertNoJobInProgress(tx, { campaignId: campaign.id, kind: "generate" });

    const jobParams: GenerateJobParams = {
      endpoints: input.endpoints,
      samples_per_endpoint: input.samples_per_endpoint,
      ...(input.params ? { params: input.params } : {}),
      seed: randomInt(1, 1_000_000),
    };
    const [job] = await tx
      .insert(jobs)
      .values({
        campaignId: campaign.id,
        kind: "generate",
        params: { ...jobParams },
        createdBy: params.actorId,
      })
      .returning();
    if (!job) throw new Error("insert returned no row");

    const endpointIds = sql.join(
      input.endpoints.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into job_tasks (job_id, item_id, endpoint_id, sample)
      select ${job.id}, i.id, e.id, s.sample
      from items i
      cross join unnest(array[${endpointIds}]) as e(id)
      cross join generate_series(0, ${input.samples_per_endpoint - 1}) as s(sample)
      where i.campaign_id = ${campaign.id} and i.awaiting_generation
        and not exists (
          select 1 from responses r
          where r.item_id = i.id and r.external_id = ${generatedResponseId.sql}
        )
    `);
    const [planned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(jobTasks)
      .where(eq(jobTasks.jobId, job.id));
    const tasks = Number(planned?.n ?? 0);
    if (tasks === 0) {
      throw new AppError(
        "BAD_REQUEST",
        "No prompt of this campaign is waiting for responses; import prompts without responses first",
      );
    }
    await recordAuditEvent(tx, {
      actorId: params.actorId,
      action: "job.generate",
      campaignId: campaign.id,
      subjectType: "job",
      subjectId: job.id,
      details: {
        endpoints: input.endpoints,
        samples_per_endpoint: input.samples_per_endpoint,
        tasks,
      },
    });
    return job;
  });
}
