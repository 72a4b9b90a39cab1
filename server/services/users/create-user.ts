import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/services/db-errors";
import { createUserInput, type CreateUserInput } from "./user-inputs";

export interface CreatedUser {
  user: User;
  /** Set only when the password was generated here, so the caller can show it once. */
  generatedPassword?: string;
}

/** Creates an account. Without a password, one is generated and returned once. */
export async function createUser(db: Db, params: CreateUserInput): Promise<CreatedUser> {
  const input = createUserInput.parse(params);
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? (generatedPassword as string));
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning();
    if (!user) throw new Error("insert returned no row");
    return { user, generatedPassword };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A user with email ${input.email} already exists`);
    }
    throw error;
  }
}

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
