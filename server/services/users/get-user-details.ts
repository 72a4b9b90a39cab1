import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, campaignMembers, campaigns, users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { assertUuid } from "@/server/services/ids";

/** One account for the admin's Users page: campaigns, tokens (never hashes) and last sign-in. */
export async function getUserDetails(db: Db, params: { userId: string }) {
  assertUuid(params.userId, "user");
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, params.userId));
  if (!user) throw new AppError("NOT_FOUND", "No such user");
  const [memberships, tokens] = await Promise.all([
    db
      .select({
        campaignId: campaigns.id,
        name: campaigns.name,
        campaignStatus: campaigns.status,
        memberStatus: campaignMembers.status,
        joinedAt: campaignMembers.createdAt,
      })
      .from(campaignMembers)
      .innerJoin(campaigns, eq(campaigns.id, campaignMembers.campaignId))
      .where(eq(campaignMembers.userId, user.id))
      .orderBy(desc(campaignMembers.createdAt)),
    db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        lastIp: apiTokens.lastIp,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, user.id))
      .orderBy(desc(apiTokens.createdAt)),
  ]);
  return { ...user, campaigns: memberships, tokens };
}
export type UserDetails = Awaited<ReturnType<typeof getUserDetails>>;
