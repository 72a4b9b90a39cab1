import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { API_TOKEN_PREFIX, hashApiToken } from "./api-token-inputs";
import type { SessionUser } from "./session-user";

/** last_used_at is a hint for people, not an audit log: one write a minute per token is enough. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * The user a bearer token acts as, or null for an unknown, revoked or malformed token or a
 * disabled account. The user is read fresh each time, so role changes apply at once. One
 * statement per request: the lookup says whether last_used_at is stale, and only then (once a
 * minute per token) is it written.
 */
export async function authenticateApiToken(
  db: Db,
  params: { token: string },
): Promise<SessionUser | null> {
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
      stale: sql<boolean>`${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.disabled) return null;
  if (row.stale) await touchToken(db, row.tokenId);
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** The write is conditional again, so two requests racing past the stale check write once. */
async function touchToken(db: Db, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(
            apiTokens.lastUsedAt,
            sql`now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})`,
          ),
        ),
      ),
    );
}
