import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invitations, users } from "@/db/schema";
import { assertUuid } from "@/server/services/ids";

export type InvitationState = "open" | "used" | "expired";

export interface InvitationSummary {
  id: string;
  email: string | null;
  state: InvitationState;
  expiresAt: Date;
  usedAt: Date | null;
  usedByEmail: string | null;
  createdAt: Date;
}

/** The campaign's links, newest first. Tokens are never listed: only their hashes exist. */
export async function listInvitations(
  db: Db,
  params: { campaignId: string },
): Promise<InvitationSummary[]> {
  assertUuid(params.campaignId, "campaign");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      usedByEmail: users.email,
      createdAt: invitations.createdAt,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.usedBy))
    .where(eq(invitations.campaignId, params.campaignId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map(({ expired, ...row }) => ({
    ...row,
    state: row.usedAt ? "used" : expired ? "expired" : "open",
  }));
}
