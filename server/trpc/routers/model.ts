import { z } from "zod";
import { createModelEndpoint } from "@/server/services/models/create-model-endpoint";
import { deleteModelEndpoint } from "@/server/services/models/delete-model-endpoint";
import {
  createModelEndpointInput,
  updateModelEndpointInput,
} from "@/server/services/models/endpoint-inputs";
import { listModelEndpoints } from "@/server/services/models/list-model-endpoints";
import { testModelEndpoint } from "@/server/services/models/test-model-endpoint";
import { updateModelEndpoint } from "@/server/services/models/update-model-endpoint";
import { adminProcedure, createTRPCRouter } from "../init";

const byIdInput = z.strictObject({ endpointId: z.uuid() });

/** Model endpoints (DESIGN §15), admins only. Replies carry `hasApiKey`, never the key. */
export const modelRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listModelEndpoints(ctx.db)),

  create: adminProcedure
    .input(createModelEndpointInput)
    .mutation(({ ctx, input }) => createModelEndpoint(ctx.db, { input, actorId: ctx.user.id })),

  update: adminProcedure
    .input(byIdInput.extend({ input: updateModelEndpointInput }))
    .mutation(({ ctx, input }) =>
      updateModelEndpoint(ctx.db, { endpointId: input.endpointId, input: input.input, actorId: ctx.user.id }),
    ),

  remove: adminProcedure
    .input(byIdInput)
    .mutation(({ ctx, input }) => deleteModelEndpoint(ctx.db, { endpointId: input.endpointId, actorId: ctx.user.id })),

  test: adminProcedure
    .input(byIdInput)
    .mutation(({ ctx, input }) => testModelEndpoint(ctx.db, { endpointId: input.endpointId })),
});
