import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, auditEvents } from "@/db/schema";

export interface ApiTokenUse {
  action: string;
  count: number;
  lastAt: Date;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  /** What was done through this token (from the audit trail), most recent action first. */
  uses: ApiTokenUse[];
}

/** The user's own tokens, newest first, with what each was used for; never the hashes. */
export async function listApiTokens(
  db: Db,
  params: { userId: string },
): Promise<ApiTokenSummary[]> {
  const tokens = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, params.userId))
    .orderBy(desc(apiTokens.createdAt));
  if (tokens.length === 0) return [];
  const lastAt = max(auditEvents.createdAt);
  const uses = await db
    .select({
      tokenId: auditEvents.tokenId,
      action: auditEvents.action,
      count: sql<number>`count(*)::int`,
      lastAt,
    })
    .from(auditEvents)
    .where(
      and(
        inArray(
          auditEvents.tokenId,
          tokens.map((t) => t.id),
        ),
        eq(auditEvents.actorId, params.userId),
      ),
    )
    .groupBy(auditEvents.tokenId, auditEvents.action)
    .orderBy(desc(lastAt));
  return tokens.map((token) => ({
    ...token,
    uses: uses.flatMap((u) =>
      u.tokenId === token.id && u.lastAt ? [{ action: u.action, count: Number(u.count), lastAt: u.lastAt }] : [],
    ),
  }));
}
