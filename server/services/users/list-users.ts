import { asc, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, campaignMembers, users, type UserRole } from "@/db/schema";
import { listUsersInput, type ListUsersInput } from "./user-admin-inputs";

export interface UserSummary {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  campaignCount: number;
  activeTokenCount: number;
}

/** Every account (for admins), optionally narrowed by a search over email and name. */
export async function listUsers(db: Db, params: ListUsersInput = {}): Promise<UserSummary[]> {
  const input = listUsersInput.parse(params);
  const pattern = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      campaignCount: sql<number>`(select count(*)::int from ${campaignMembers} where ${campaignMembers.userId} = ${users.id})`,
      activeTokenCount: sql<number>`(select count(*)::int from ${apiTokens} where ${apiTokens.userId} = ${users.id} and ${apiTokens.revokedAt} is null)`,
    })
    .from(users)
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.email))
    .limit(input.limit);
}
