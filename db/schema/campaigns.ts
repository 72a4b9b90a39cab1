import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { DEFAULT_SUGGESTION_MODE, SUGGESTION_MODES } from "@/server/domain/suggestion";
import type { TemplateConfig } from "@/server/domain/template-config";
// Relative, not "@/": drizzle-kit loads the schema without the path aliases.
import {
  DEFAULT_IDENTITY_LEAK_MODE,
  DEFAULT_IDENTITY_LEAK_WORDS,
  IDENTITY_LEAK_MODES,
} from "../../server/domain/identity-leak";
import { createdAt, id, timestamptz } from "./columns";
import { users } from "./users";

export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "archived"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MEMBER_STATUSES = ["active", "paused"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    status: text({ enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    template: jsonb().$type<TemplateConfig>().notNull(),
    templateVersion: integer().notNull().default(1),
    /** N: submitted judgements each item must end with. */
    overlap: integer().notNull().default(3),
    leaseTtlSeconds: integer().notNull().default(900),
    goldRate: real().notNull().default(0),
    probeRate: real().notNull().default(0),
    /** After a gold item, show the annotator its expected answer and guideline passage. */
    goldFeedback: boolean().notNull().default(false),
    dailyCap: integer(),
    suggestionMode: text({ enum: SUGGESTION_MODES }).notNull().default(DEFAULT_SUGGESTION_MODE),
    guidelines: text().notNull().default(""),
    guidelineVersion: integer().notNull().default(1),
    /**
     * Salt for annotator pseudonyms in exports: stable across a campaign's exports, different
     * between campaigns, never derivable from user ids, and independent of deployment secrets.
     */
    pseudonymSalt: text()
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    /**
     * Annotators whose judgements this campaign leaves out of every export and statistic
     * (DESIGN §9). Kept on the campaign, not on the judgements, so that including someone
     * again restores everything they did.
     */
    excludedAnnotators: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** What a response naming a model or vendor does to its item (server/domain/identity-leak.ts). */
    identityLeak: text({ enum: IDENTITY_LEAK_MODES }).notNull().default(DEFAULT_IDENTITY_LEAK_MODE),
    /** The phrases responses are checked against; changing them re-checks every response. */
    identityLeakWords: jsonb()
      .$type<string[]>()
      .notNull()
      // Spelled as SQL: drizzle-kit does not escape the apostrophes of "I'm Claude" in a JSON default.
      .default(sql.raw(`'${JSON.stringify(DEFAULT_IDENTITY_LEAK_WORDS).replace(/'/g, "''")}'::jsonb`)),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("campaigns_slug_key").on(t.slug),
    check(
      "campaigns_status_check",
      sql`${t.status} in ('draft', 'active', 'paused', 'archived')`,
    ),
    check(
      "campaigns_suggestion_mode_check",
      sql`${t.suggestionMode} in (${sql.raw(SUGGESTION_MODES.map((m) => `'${m}'`).join(", "))})`,
    ),
    check("campaigns_overlap_check", sql`${t.overlap} between 1 and 100`),
    check("campaigns_lease_ttl_check", sql`${t.leaseTtlSeconds} > 0`),
    check("campaigns_identity_leak_check", sql`${t.identityLeak} in ('hold', 'warn')`),
  ],
);

export const campaignMembers = pgTable(
  "campaign_members",
  {
    id: id(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ["annotator"] })
      .notNull()
      .default("annotator"),
    status: text({ enum: MEMBER_STATUSES }).notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_members_campaign_id_user_id_key").on(t.campaignId, t.userId),
    check("campaign_members_status_check", sql`${t.status} in ('active', 'paused')`),
  ],
);

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;
export type CampaignMember = typeof campaignMembers.$inferSelect;
