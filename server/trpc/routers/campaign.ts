import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { addMember } from "@/server/services/campaigns/add-member";
import {
  addMemberInput,
  campaignIdSchema,
  createCampaignInput,
} from "@/server/services/campaigns/campaign-inputs";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import { listCampaigns } from "@/server/services/campaigns/list-campaigns";
import { listMembers } from "@/server/services/campaigns/list-members";
import { setCampaignStatus } from "@/server/services/campaigns/set-campaign-status";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../init";

const byIdInput = z.strictObject({ campaignId: campaignIdSchema });

export const campaignRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCampaigns(ctx.db, { user: ctx.user })),

  byId: protectedProcedure
    .input(byIdInput)
    .query(({ ctx, input }) => getCampaignForUser(ctx.db, { campaignId: input.campaignId, user: ctx.user })),

  create: adminProcedure
    .input(createCampaignInput)
    .mutation(({ ctx, input }) => createCampaign(ctx.db, { input, actorId: ctx.user.id })),

  setStatus: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, status: z.enum(CAMPAIGN_STATUSES) }))
    .mutation(({ ctx, input }) => setCampaignStatus(ctx.db, { ...input, actorId: ctx.user.id })),

  members: adminProcedure
    .input(byIdInput)
    .query(({ ctx, input }) => listMembers(ctx.db, { campaignId: input.campaignId })),

  addMember: adminProcedure
    .input(addMemberInput)
    .mutation(({ ctx, input }) => addMember(ctx.db, { input, actorId: ctx.user.id })),
});
