import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { AUDIT_ACTIONS } from "@/server/services/audit/audit-actions";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { writeTransaction } from "@/server/services/with-retry";
import { API_TOKEN_PREFIX, hashApiToken } from "./api-token-inputs";
import type { SessionUser } from "./session-user";

/** last_used_at is a hint for people, not an audit log: one write a minute per token is enough. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * The user a bearer token acts as (and the token's id), or null for an unknown, revoked,
 * expired or malformed token or a disabled account. The user is read fresh each time, so role
 * changes apply at once. One statement per request in the common case: the lookup says whether
 * last_used_at is stale, and only then (once a minute per token) is it written; a use from an
 * IP the token was not last used from is audited.
 */
export async function authenticateApiToken(
  db: Db,
  params: { token: string; ip?: string | null },
): Promise<{ user: SessionUser; tokenId: string } | null> {
  const { token } = params;
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenPrefix: apiTokens.prefix,
      lastIp: apiTokens.lastIp,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      stale: sql<boolean>`${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})`,
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
  const ip = params.ip ?? null;
  if (ip !== null && ip !== row.lastIp) {
    await writeTransaction(db, async (tx) => {
      // Only the request that actually changes the stored IP writes the entry.
      const changed = await tx
        .update(apiTokens)
        .set({ lastIp: ip, lastUsedAt: sql`now()` })
        .where(
          and(
            eq(apiTokens.id, row.tokenId),
            or(isNull(apiTokens.lastIp), sql`${apiTokens.lastIp} <> ${ip}`),
          ),
        )
        .returning({ id: apiTokens.id });
      if (changed.length === 0) return;
      await recordAuditEvent(tx, {
        actorId: row.id,
        action: AUDIT_ACTIONS.tokenNewIp,
        subjectType: "api_token",
        subjectId: row.tokenId,
        details: { ip, previousIp: row.lastIp, prefix: row.tokenPrefix },
      });
    });
  } else if (row.stale) {
    await touchToken(db, row.tokenId);
  }
  return { user: { id: row.id, email: row.email, name: row.name, role: row.role }, tokenId: row.tokenId };
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
