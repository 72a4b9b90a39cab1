import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { createdAt, id, timestamptz } from "./columns";
import { users } from "./users";

/**
 * Single-use, expiring links that let a person join a campaign as an annotator, creating an
 * account if they have none. Only the token's sha256 is stored, so the table leaks no links.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** sha256 of the token: tokens are long random strings, so a fast hash is enough. */
    tokenHash: text().notNull(),
    /** When set, only this email (lower-cased) may accept the link. */
    email: text(),
    expiresAt: timestamptz().notNull(),
    usedAt: timestamptz(),
    usedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_campaign_id_created_at_idx").on(t.campaignId, t.createdAt),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;
