import { z } from "zod";
import { USER_ROLES } from "@/db/schema";
import { passwordSchema } from "./user-inputs";

export const listUsersInput = z.strictObject({
  search: z.string().trim().max(254).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

/** What an admin may change about an account; at least one field. */
export const updateUserInput = z
  .strictObject({
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    name: z.string().trim().max(120).nullable().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.name !== undefined, {
    message: "Change at least one of role, disabled or name",
  });
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const resetPasswordInput = z.strictObject({
  token: z.string().min(1).max(100),
  password: passwordSchema,
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** Reset links work this long, and once. */
export const PASSWORD_RESET_TTL_HOURS = 24;

/** The app path a reset token is used at (callers add the origin). */
export function passwordResetPath(token: string): string {
  return `/reset-password/${token}`;
}
