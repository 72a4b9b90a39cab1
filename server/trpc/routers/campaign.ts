import { z } from "zod";
import { CAMPAIGN_STATUSES, MEMBER_STATUSES, type Campaign } from "@/db/schema";
import { addMember } from "@/server/services/campaigns/add-member";
import { toCampaignView, type CampaignView } from "@/server/services/campaigns/campaign-view";
import {
  addMemberInput,
  campaignIdSchema,
  createCampaignInput,
  updateCampaignInput,
} from "@/server/services/campaigns/campaign-inputs";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { duplicateCampaign } from "@/server/services/campaigns/duplicate-campaign";
import { getCampaignForUser } from "@/server/services/campaigns/get-campaign-for-user";
import { listCampaigns } from "@/server/services/campaigns/list-campaigns";
import { listMembers } from "@/server/services/campaigns/list-members";
import { removeMember } from "@/server/services/campaigns/remove-member";
import { setCampaignStatus } from "@/server/services/campaigns/set-campaign-status";
import { setMemberStatus } from "@/server/services/campaigns/set-member-status";
import { updateCampaign } from "@/server/services/campaigns/update-campaign";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../init";

const byIdInput = z.strictObject({ campaignId: campaignIdSchema });
const memberInput = z.strictObject({ campaignId: campaignIdSchema, userId: z.uuid() });

/** Replies with a campaign go through toCampaignView: the pseudonym salt never leaves. */
async function adminView(campaign: Promise<Campaign>): Promise<CampaignView> {
  return toCampaignView(await campaign, { role: "admin" });
}

export const campaignRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCampaigns(ctx.db, { user: ctx.user })),

  byId: protectedProcedure
    .input(byIdInput)
    .query(({ ctx, input }) => getCampaignForUser(ctx.db, { campaignId: input.campaignId, user: ctx.user })),

  create: adminProcedure
    .input(createCampaignInput)
    .mutation(({ ctx, input }) => adminView(createCampaign(ctx.db, { input, actorId: ctx.user.id }))),

  update: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, input: updateCampaignInput }))
    .mutation(({ ctx, input }) =>
      adminView(updateCampaign(ctx.db, { campaignId: input.campaignId, input: input.input, actorId: ctx.user.id })),
    ),

  duplicate: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, name: z.string().trim().max(200).optional() }))
    .mutation(({ ctx, input }) => adminView(duplicateCampaign(ctx.db, { ...input, actorId: ctx.user.id }))),

  setStatus: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, status: z.enum(CAMPAIGN_STATUSES) }))
    .mutation(({ ctx, input }) => adminView(setCampaignStatus(ctx.db, { ...input, actorId: ctx.user.id }))),

  members: adminProcedure
    .input(byIdInput)
    .query(({ ctx, input }) => listMembers(ctx.db, { campaignId: input.campaignId })),

  addMember: adminProcedure
    .input(addMemberInput)
    .mutation(({ ctx, input }) => addMember(ctx.db, { input, actorId: ctx.user.id })),

  setMemberStatus: adminProcedure
    .input(memberInput.extend({ status: z.enum(MEMBER_STATUSES) }))
    .mutation(({ ctx, input }) => setMemberStatus(ctx.db, { ...input, actorId: ctx.user.id })),

  removeMember: adminProcedure
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { ...input, actorId: ctx.user.id })),
});
