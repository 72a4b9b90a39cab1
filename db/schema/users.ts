import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns";

export const USER_ROLES = ["admin", "annotator"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; sign-in compares lower-cased input. */
    email: text().notNull(),
    name: text(),
    role: text({ enum: USER_ROLES }).notNull(),
    /** argon2id PHC string; null for accounts that can only use API tokens. */
    passwordHash: text(),
    disabled: boolean().notNull().default(false),
    /**
     * Every session JWT carries the version it was issued under; bumping it (sign out
     * everywhere, password change, role change, disable) makes every older session stale.
     */
    sessionVersion: integer().notNull().default(0),
    lastSignInAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_role_check", sql`${t.role} in ('admin', 'annotator')`),
  ],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The first characters of the token, shown in lists so a user can tell tokens apart. */
    prefix: text().notNull(),
    /** sha256 of the whole token: tokens are long random strings, so a fast hash is enough. */
    tokenHash: text().notNull(),
    lastUsedAt: timestamptz(),
    /** The client IP of the last use: a use from another IP is written to the audit log. */
    lastIp: text(),
    revokedAt: timestamptz(),
    /** Optional: past this moment the token is refused everywhere, like a revoked one. */
    expiresAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash),
    index("api_tokens_user_id_idx").on(t.userId),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type ApiToken = typeof apiTokens.$inferSelect;

/**
 * Single-use password reset links an admin hands to a user. Only the sha256 of the token is
 * stored; a link works once and only until it expires.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_key").on(t.tokenHash),
    index("password_resets_user_id_idx").on(t.userId),
  ],
);
