import { z } from "zod";
import { campaignIdSchema } from "@/server/services/campaigns/campaign-inputs";
import { listJudges } from "@/server/services/judges/list-judges";
import { getAdjudicationItem } from "@/server/services/quality/get-adjudication-item";
import { getAgreement } from "@/server/services/quality/get-agreement";
import { getLeaderboard } from "@/server/services/quality/get-leaderboard";
import { getQualityProgress } from "@/server/services/quality/get-quality-progress";
import { listAnnotatorQuality } from "@/server/services/quality/list-annotator-quality";
import {
  recordAdjudication,
  recordAdjudicationInput,
} from "@/server/services/quality/record-adjudication";
import { setAnnotatorExclusion } from "@/server/services/quality/set-annotator-exclusion";
import { adminProcedure, createTRPCRouter } from "../init";

const byCampaign = z.strictObject({ campaignId: campaignIdSchema });
const seeded = byCampaign.extend({
  rounds: z.number().int().min(0).max(2000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
});

/** The Quality tab (DESIGN §9): the same services as the REST quality routes. */
export const qualityRouter = createTRPCRouter({
  progress: adminProcedure
    .input(byCampaign)
    .query(({ ctx, input }) => getQualityProgress(ctx.db, input)),

  agreement: adminProcedure.input(seeded).query(({ ctx, input }) => getAgreement(ctx.db, input)),

  annotators: adminProcedure
    .input(byCampaign)
    .query(({ ctx, input }) => listAnnotatorQuality(ctx.db, input)),

  leaderboard: adminProcedure
    .input(seeded)
    .query(({ ctx, input }) => getLeaderboard(ctx.db, input)),

  /** LLM judges measured against the humans (DESIGN §15); the same as GET …/judges. */
  judges: adminProcedure.input(byCampaign).query(({ ctx, input }) => listJudges(ctx.db, input)),

  /** Pause and exclude an annotator, or include and resume them again. */
  setExclusion: adminProcedure
    .input(byCampaign.extend({ userId: z.uuid(), excluded: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setAnnotatorExclusion(ctx.db, { ...input, actorId: ctx.user.id }),
    ),

  /** A disputed item with every judgement side by side, for adjudication. */
  adjudicationItem: adminProcedure
    .input(byCampaign.extend({ itemId: z.uuid() }))
    .query(({ ctx, input }) => getAdjudicationItem(ctx.db, input)),

  adjudicate: adminProcedure
    .input(recordAdjudicationInput)
    .mutation(({ ctx, input }) => recordAdjudication(ctx.db, { input, actorId: ctx.user.id })),
});
