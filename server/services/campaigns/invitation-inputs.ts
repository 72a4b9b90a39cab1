import { z } from "zod";
import { emailSchema, passwordSchema } from "@/server/services/users/user-inputs";
import { campaignIdSchema } from "./campaign-inputs";

export const createInvitationInput = z.strictObject({
  campaignId: campaignIdSchema,
  /** When given, only this person can use the link. */
  email: z.union([emailSchema, z.literal("").transform(() => undefined)]).optional(),
  expires_in_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

export const invitationTokenSchema = z.string().min(1).max(200);

export const signUpWithInvitationInput = z.strictObject({
  token: invitationTokenSchema,
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  password: passwordSchema,
});
export type SignUpWithInvitationInput = z.input<typeof signUpWithInvitationInput>;
