import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { API_TOKEN_PREFIX, hashApiToken } from "./api-token-inputs";
import type { SessionUser } from "./session-user";

/** last_used_at is a hint for people, not an audit log: one write a minute per token is enough. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * The user a bearer token acts as (and the token's id), or null for an unknown, revoked,
 * expired or malformed token or a disabled account. The user is read fresh each time, so role changes apply at once.
 */
export async function authenticateApiToken(
  db: Db,
  params: { token: string },
): Promise<{ user: SessionUser; tokenId: string } | null> {
  const { token } = params;
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (!row || row.disabled) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(
            apiTokens.lastUsedAt,
            sql`now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})`,
          ),
        ),
      ),
    );
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, tokenId: row.tokenId };
}
