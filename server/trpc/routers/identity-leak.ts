import { z } from "zod";
import { campaignIdSchema } from "@/server/services/campaigns/campaign-inputs";
import { listIdentityLeaksInput, releaseIdentityLeaksInput } from "@/server/services/leaks/leak-inputs";
import { listIdentityLeaks } from "@/server/services/leaks/list-identity-leaks";
import { recheckCampaignLeaks } from "@/server/services/leaks/recheck-campaign-leaks";
import { releaseIdentityLeaks } from "@/server/services/leaks/release-identity-leaks";
import { adminProcedure, createTRPCRouter } from "../init";

const byCampaign = z.strictObject({ campaignId: campaignIdSchema });

/** The identity-leak guard's review (DESIGN §15): the same services as the REST routes. */
export const identityLeakRouter = createTRPCRouter({
  list: adminProcedure
    .input(byCampaign.extend({ input: listIdentityLeaksInput.optional() }))
    .query(({ ctx, input }) => listIdentityLeaks(ctx.db, input)),

  release: adminProcedure
    .input(byCampaign.extend({ input: releaseIdentityLeaksInput }))
    .mutation(({ ctx, input }) => releaseIdentityLeaks(ctx.db, { ...input, actorId: ctx.user.id })),

  recheck: adminProcedure
    .input(byCampaign)
    .mutation(({ ctx, input }) => recheckCampaignLeaks(ctx.db, { ...input, actorId: ctx.user.id })),
});
