import { z } from "zod";
import { acceptInvitation } from "@/server/services/campaigns/accept-invitation";
import { campaignIdSchema } from "@/server/services/campaigns/campaign-inputs";
import { createInvitation } from "@/server/services/campaigns/create-invitation";
import { describeInvitation } from "@/server/services/campaigns/describe-invitation";
import {
  createInvitationInput,
  invitationTokenSchema,
  signUpWithInvitationInput,
} from "@/server/services/campaigns/invitation-inputs";
import { listInvitations } from "@/server/services/campaigns/list-invitations";
import { revokeInvitation } from "@/server/services/campaigns/revoke-invitation";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

/** Invitation links: admins make them; anyone holding one may look at it and use it once. */
export const invitationRouter = createTRPCRouter({
  create: adminProcedure.input(createInvitationInput).mutation(async ({ ctx, input }) => {
    const { invitation, token } = await createInvitation(ctx.db, { input, actorId: ctx.user.id });
    return { id: invitation.id, token, email: invitation.email, expiresAt: invitation.expiresAt };
  }),

  list: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema }))
    .query(({ ctx, input }) => listInvitations(ctx.db, input)),

  revoke: adminProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { ...input, actorId: ctx.user.id })),

  describe: publicProcedure
    .input(z.strictObject({ token: invitationTokenSchema }))
    .query(({ ctx, input }) => describeInvitation(ctx.db, input)),

  /** Public: the visitor has no account yet. Single use is enforced under a row lock. */
  signUp: publicProcedure
    .input(signUpWithInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { signUp: input })),

  accept: protectedProcedure
    .input(z.strictObject({ token: invitationTokenSchema }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { token: input.token, user: ctx.user })),
});
