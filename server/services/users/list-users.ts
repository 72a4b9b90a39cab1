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
      // Spelled out with table names: drizzle leaves columns unqualified in a one-table select,
      // and inside a subquery an unqualified "id" would mean the inner table's.
      campaignCount: sql<number>`(select count(*)::int from ${campaignMembers} m where m.user_id = "users"."id")`,
      activeTokenCount: sql<number>`(select count(*)::int from ${apiTokens} t where t.user_id = "users"."id" and t.revoked_at is null)`,
    })
    .from(users)
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.email))
    .limit(input.limit);
}
