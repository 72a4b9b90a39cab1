import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import {
  API_TOKEN_PREFIX,
  SHOWN_PREFIX_LENGTH,
  createApiTokenInput,
  hashApiToken,
  type CreateApiTokenInput,
} from "./api-token-inputs";
import { writeTransaction } from "@/server/services/with-retry";

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  /** The whole token: returned this once and never stored, only its hash is. */
  token: string;
}

/** A new API token for this user, acting with the user's own role. */
export async function createApiToken(
  db: Db,
  params: { userId: string; input: CreateApiTokenInput },
): Promise<CreatedApiToken> {
  const input = createApiTokenInput.parse(params.input);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: params.userId,
        name: input.name,
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        tokenHash: hashApiToken(token),
        expiresAt:
          input.expiresInDays === undefined ? null : sql`now() + make_interval(days => ${input.expiresInDays})`,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEvent(tx, {
      actorId: params.userId,
      action: "token.create",
      subjectType: "api_token",
      subjectId: row.id,
    });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, expiresAt: row.expiresAt, token };
  });
}
