import { createApiToken } from "@/server/services/users/create-api-token";
import { createApiTokenInput, revokeApiTokenInput } from "@/server/services/users/api-token-inputs";
import { listApiTokens } from "@/server/services/users/list-api-tokens";
import { revokeApiToken } from "@/server/services/users/revoke-api-token";
import { createTRPCRouter, sessionProcedure } from "../init";

/**
 * A user's own API tokens; the services scope every query to `ctx.user`. Browser sessions only:
 * a leaked token must not be able to mint its successor or outlive its revocation.
 */
export const tokenRouter = createTRPCRouter({
  list: sessionProcedure.query(({ ctx }) => listApiTokens(ctx.db, { userId: ctx.user.id })),

  create: sessionProcedure
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, input })),

  revoke: sessionProcedure
    .input(revokeApiTokenInput)
    .mutation(({ ctx, input }) =>
      revokeApiToken(ctx.db, { userId: ctx.user.id, tokenId: input.tokenId }),
    ),
});
