import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, invitations } from "@/db/schema";
import { hashInvitationToken, isWellFormedToken } from "./invitation-token";

export type InvitationView =
  | { state: "unknown" }
  | {
      state: "open" | "used" | "expired" | "closed";
      campaignId: string;
      campaignName: string;
      /** Set when the link is meant for one email only. */
      email: string | null;
      expiresAt: Date;
    };

/**
 * What the public invite page may show about a link. Whoever holds the token may see the
 * campaign's name; an unknown token learns nothing.
 */
export async function describeInvitation(
  db: Db,
  params: { token: string },
): Promise<InvitationView> {
  if (!isWellFormedToken(params.token)) return { state: "unknown" };
  const [row] = await db
    .select({
      campaignId: campaigns.id,
      campaignName: campaigns.name,
      campaignStatus: campaigns.status,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`,
    })
    .from(invitations)
    .innerJoin(campaigns, eq(campaigns.id, invitations.campaignId))
    .where(eq(invitations.tokenHash, hashInvitationToken(params.token)));
  if (!row) return { state: "unknown" };
  const state = row.usedAt
    ? "used"
    : row.expired
      ? "expired"
      : row.campaignStatus === "archived"
        ? "closed"
        : "open";
  return {
    state,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    email: row.email,
    expiresAt: row.expiresAt,
  };
}
