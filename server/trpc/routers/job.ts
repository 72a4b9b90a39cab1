import { z } from "zod";
import { cancelJob } from "@/server/services/jobs/cancel-job";
import { startGenerationInput } from "@/server/services/jobs/generate-inputs";
import { getJob } from "@/server/services/jobs/get-job";
import { listCampaignJobs } from "@/server/services/jobs/list-campaign-jobs";
import { startGenerationJob } from "@/server/services/jobs/start-generation-job";
import { startJudgeInput } from "@/server/services/judges/judge-inputs";
import { startJudgeJob } from "@/server/services/judges/start-judge-job";
import { adminProcedure, createTRPCRouter } from "../init";

const jobInput = z.strictObject({ jobId: z.uuid() });
const campaignInput = z.strictObject({ campaignId: z.uuid() });

/** Background jobs on a campaign (DESIGN §15), admins only. */
export const jobRouter = createTRPCRouter({
  generate: adminProcedure
    .input(campaignInput.extend({ input: startGenerationInput }))
    .mutation(async ({ ctx, input }) => {
      const job = await startGenerationJob(ctx.db, { campaignId: input.campaignId, input: input.input, actorId: ctx.user.id });
      return getJob(ctx.db, { jobId: job.id });
    }),

  judge: adminProcedure
    .input(campaignInput.extend({ input: startJudgeInput }))
    .mutation(async ({ ctx, input }) => {
      const job = await startJudgeJob(ctx.db, { campaignId: input.campaignId, input: input.input, actorId: ctx.user.id });
      return getJob(ctx.db, { jobId: job.id });
    }),

  byId: adminProcedure.input(jobInput).query(({ ctx, input }) => getJob(ctx.db, input)),

  listForCampaign: adminProcedure
    .input(campaignInput)
    .query(({ ctx, input }) => listCampaignJobs(ctx.db, { campaignId: input.campaignId })),

  cancel: adminProcedure
    .input(jobInput)
    .mutation(({ ctx, input }) => cancelJob(ctx.db, { jobId: input.jobId, actorId: ctx.user.id })),
});
