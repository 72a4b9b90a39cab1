import { z } from "zod";
import { adminCreateUser } from "@/server/services/users/admin-create-user";
import { changePassword } from "@/server/services/users/change-password";
import { checkPasswordReset } from "@/server/services/users/check-password-reset";
import { createPasswordReset } from "@/server/services/users/create-password-reset";
import { getUserDetails } from "@/server/services/users/get-user-details";
import { listUsers } from "@/server/services/users/list-users";
import { resetPassword } from "@/server/services/users/reset-password";
import { signOutEverywhere } from "@/server/services/users/sign-out-everywhere";
import { updateUser } from "@/server/services/users/update-user";
import {
  changePasswordInput,
  listUsersInput,
  resetPasswordInput,
  updateUserInput,
} from "@/server/services/users/user-admin-inputs";
import { createUserInput } from "@/server/services/users/user-inputs";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from "../init";

const userIdInput = z.strictObject({ userId: z.uuid({ message: "Not a user id" }) });

export const userRouter = createTRPCRouter({
  /** Who is signed in, or null: the one procedure a signed-out visitor may call. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  list: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, input)),

  byId: adminProcedure
    .input(userIdInput)
    .query(({ ctx, input }) => getUserDetails(ctx.db, { userId: input.userId })),

  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    const { user, generatedPassword } = await adminCreateUser(ctx.db, { input, actorId: ctx.user.id });
    return { id: user.id, email: user.email, role: user.role, generatedPassword };
  }),

  update: adminProcedure
    .input(z.strictObject({ userId: z.uuid(), changes: updateUserInput }))
    .mutation(async ({ ctx, input }) => {
      const user = await updateUser(ctx.db, {
        userId: input.userId,
        actorId: ctx.user.id,
        input: input.changes,
      });
      return { id: user.id, role: user.role, disabled: user.disabled, name: user.name };
    }),

  signOutEverywhere: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    await signOutEverywhere(ctx.db, { userId: input.userId, actorId: ctx.user.id });
    return { ok: true as const };
  }),

  /** A single-use reset link path (`/reset-password/…`); the page adds its own origin. */
  createResetLink: adminProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    const { path, expiresAt } = await createPasswordReset(ctx.db, {
      userId: input.userId,
      actorId: ctx.user.id,
    });
    return { path, expiresAt };
  }),

  /** Ends every session of the caller, this one included (a lost laptop, a shared computer). */
  signOutMine: protectedProcedure.mutation(async ({ ctx }) => {
    await signOutEverywhere(ctx.db, { userId: ctx.user.id, actorId: ctx.user.id });
    return { ok: true as const };
  }),

  /** The caller's own password; every session ends, so the caller signs in again. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, { userId: ctx.user.id, input });
    return { ok: true as const };
  }),

  /** Public: whoever holds the link may use it, once, before it expires. */
  checkResetLink: publicProcedure
    .input(z.strictObject({ token: z.string().max(100) }))
    .query(({ ctx, input }) => checkPasswordReset(ctx.db, input)),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
});
