import { z } from "zod";
import { campaignIdSchema } from "@/server/services/campaigns/campaign-inputs";
import { exportOptionsSchema } from "@/server/services/exports/export-options";
import { listExports } from "@/server/services/exports/list-exports";
import { previewExport } from "@/server/services/exports/preview-export";
import { listJudgeRuns } from "@/server/services/judges/list-judge-runs";
import { adminProcedure, createTRPCRouter } from "../init";

/** The download itself is a streamed route (/api/v1/campaigns/{id}/export); this is its form. */
export const exportRouter = createTRPCRouter({
  preview: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, options: exportOptionsSchema }))
    .query(({ ctx, input }) =>
      previewExport(ctx.db, { campaignId: input.campaignId, options: input.options }),
    ),

  history: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema }))
    .query(({ ctx, input }) => listExports(ctx.db, { campaignId: input.campaignId })),

  /** The judges an ai-judgements export can take its verdicts from. */
  judges: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema }))
    .query(({ ctx, input }) => listJudgeRuns(ctx.db, { campaignId: input.campaignId })),
});
