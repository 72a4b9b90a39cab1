import { z } from "zod";
import { USER_ROLES } from "@/db/schema";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));

export const passwordSchema = z
  .string()
  .min(8, "Passwords have at least 8 characters")
  .max(256, "Passwords have at most 256 characters");

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  role: z.enum(USER_ROLES),
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;
