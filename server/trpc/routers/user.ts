import { createUser } from "@/server/services/users/create-user";
import { createUserInput } from "@/server/services/users/user-inputs";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../init";

export const userRouter = createTRPCRouter({
  /** Who is signed in, or null: the one procedure a signed-out visitor may call. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    const { user, generatedPassword } = await createUser(ctx.db, input);
    return { id: user.id, email: user.email, role: user.role, generatedPassword };
  }),
});
