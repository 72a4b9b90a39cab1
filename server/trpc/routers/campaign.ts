import { z } from "zod";
import { CAMPAIGN_STATUSES, MEMBER_STATUSES } from "@/db/schema";
import { addMember } from "@/server/services/campaigns/add-member";
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

export const campaignRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCampaigns(ctx.db, { user: ctx.user })),

  byId: protectedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    // The pseudonym salt stays on the server: with it, export pseudonyms could be linked to ids.
    const {
      pseudonymSalt: _salt,
      excludedAnnotators,
      ...campaign
    } = await getCampaignForUser(ctx.db, { campaignId: input.campaignId, user: ctx.user });
    // Who is excluded is the admins' business, not the annotators'.
    return ctx.user.role === "admin" ? { ...campaign, excludedAnnotators } : campaign;
  }),

  create: adminProcedure
    .input(createCampaignInput)
    .mutation(({ ctx, input }) => createCampaign(ctx.db, { input, actorId: ctx.user.id })),

  update: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, input: updateCampaignInput }))
    .mutation(({ ctx, input }) =>
      updateCampaign(ctx.db, {
        campaignId: input.campaignId,
        input: input.input,
        actorId: ctx.user.id,
      }),
    ),

  duplicate: adminProcedure
    .input(
      z.strictObject({ campaignId: campaignIdSchema, name: z.string().trim().max(200).optional() }),
    )
    .mutation(({ ctx, input }) => duplicateCampaign(ctx.db, { ...input, actorId: ctx.user.id })),

  setStatus: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, status: z.enum(CAMPAIGN_STATUSES) }))
    .mutation(({ ctx, input }) => setCampaignStatus(ctx.db, { ...input, actorId: ctx.user.id })),

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
