import { createApiToken } from "@/server/services/users/create-api-token";
import { createApiTokenInput, revokeApiTokenInput } from "@/server/services/users/api-token-inputs";
import { listApiTokens } from "@/server/services/users/list-api-tokens";
import { revokeApiToken } from "@/server/services/users/revoke-api-token";
import { createTRPCRouter, protectedProcedure } from "../init";

/** A user's own API tokens; the services scope every query to `ctx.user`. */
export const tokenRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.db, { userId: ctx.user.id })),

  create: protectedProcedure
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, input })),

  revoke: protectedProcedure
    .input(revokeApiTokenInput)
    .mutation(({ ctx, input }) =>
      revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.tokenId }),
    ),
});
