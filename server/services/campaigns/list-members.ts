import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, campaignMembers, users } from "@/db/schema";

export interface MemberSummary {
  userId: string;
  email: string;
  name: string | null;
  status: string;
  submitted: number;
  addedAt: Date;
}

export async function listMembers(db: Db, params: { campaignId: string }): Promise<MemberSummary[]> {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      status: campaignMembers.status,
      addedAt: campaignMembers.createdAt,
      submitted: sql<number>`(
        select count(*)::int from ${assignments}
        where ${assignments.campaignId} = ${campaignMembers.campaignId}
          and ${assignments.annotatorId} = ${users.id}
          and ${assignments.status} = 'submitted')`,
    })
    .from(campaignMembers)
    .innerJoin(users, eq(users.id, campaignMembers.userId))
    .where(and(eq(campaignMembers.campaignId, params.campaignId)))
    .orderBy(campaignMembers.createdAt);
}
