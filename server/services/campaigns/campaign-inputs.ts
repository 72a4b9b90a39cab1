import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { DEFAULT_SUGGESTION_MODE, SUGGESTION_MODES } from "@/server/domain/suggestion";
import {
  DEFAULT_IDENTITY_LEAK_MODE,
  DEFAULT_IDENTITY_LEAK_WORDS,
  IDENTITY_LEAK_LIMITS,
  IDENTITY_LEAK_MODES,
  normalizeLeakWords,
} from "@/server/domain/identity-leak";
import { defaultTemplate, templateConfigSchema } from "./template-config";

export const campaignIdSchema = z.uuid({ message: "Not a campaign id" });

/** The settings fields, without defaults: create fills defaults in, update leaves absent keys alone. */
const settingsFields = {
  name: z.string().trim().min(1, "Give the campaign a name").max(200),
  description: z.string().max(5_000),
  template: templateConfigSchema,
  overlap: z.number().int().min(1).max(100),
  lease_ttl_seconds: z.number().int().min(10).max(24 * 3600),
  gold_rate: z.number().min(0).max(1),
  probe_rate: z.number().min(0).max(1),
  /** After a gold item, show the annotator its expected answer and guideline passage. */
  gold_feedback: z.boolean(),
  daily_cap: z.number().int().positive().nullable(),
  /** When annotators see an LLM judge's suggestion: never, after submitting, or as a hint before. */
  suggestion_mode: z.enum(SUGGESTION_MODES),
  guidelines: z.string().max(200_000),
  status: z.enum(CAMPAIGN_STATUSES),
  identity_leak: z
    .enum(IDENTITY_LEAK_MODES)
    .describe("A response naming a model or vendor: `hold` keeps its item from annotators until an admin releases it; `warn` serves it with a warning"),
  identity_leak_words: z
    .array(
      z
        .string()
        .max(IDENTITY_LEAK_LIMITS.maxLength)
        .refine((p) => p.trim() === "" || /[\p{L}\p{N}]/u.test(p), "A phrase needs a letter or a digit"),
    )
    .max(IDENTITY_LEAK_LIMITS.maxWords)
    .transform(normalizeLeakWords)
    .describe(
      "Phrases checked in every response, ignoring case, as whole words (\"Llama\" matches \"Llama-2\", not \"llamas\"). Changing the list re-checks every response",
    ),
};

export const createCampaignInput = z.strictObject({
  name: settingsFields.name,
  description: settingsFields.description.default(""),
  template: settingsFields.template.default(() => defaultTemplate("pairwise")),
  overlap: settingsFields.overlap.default(3),
  lease_ttl_seconds: settingsFields.lease_ttl_seconds.default(900),
  gold_rate: settingsFields.gold_rate.default(0),
  probe_rate: settingsFields.probe_rate.default(0),
  gold_feedback: settingsFields.gold_feedback.default(false),
  daily_cap: settingsFields.daily_cap.default(null),
  suggestion_mode: settingsFields.suggestion_mode.default(DEFAULT_SUGGESTION_MODE),
  guidelines: settingsFields.guidelines.default(""),
  status: settingsFields.status.default("draft"),
  identity_leak: settingsFields.identity_leak.default(DEFAULT_IDENTITY_LEAK_MODE),
  identity_leak_words: settingsFields.identity_leak_words.default([...DEFAULT_IDENTITY_LEAK_WORDS]),
});
export type CreateCampaignInput = z.input<typeof createCampaignInput>;

/** Every key optional; `daily_cap: null` clears the cap. */
export const updateCampaignInput = z.strictObject({
  name: settingsFields.name.optional(),
  description: settingsFields.description.optional(),
  template: settingsFields.template.optional(),
  overlap: settingsFields.overlap.optional(),
  lease_ttl_seconds: settingsFields.lease_ttl_seconds.optional(),
  gold_rate: settingsFields.gold_rate.optional(),
  probe_rate: settingsFields.probe_rate.optional(),
  gold_feedback: settingsFields.gold_feedback.optional(),
  daily_cap: settingsFields.daily_cap.optional(),
  suggestion_mode: settingsFields.suggestion_mode.optional(),
  guidelines: settingsFields.guidelines.optional(),
  status: settingsFields.status.optional(),
  identity_leak: settingsFields.identity_leak.optional(),
  identity_leak_words: settingsFields.identity_leak_words.optional(),
});
export type UpdateCampaignInput = z.input<typeof updateCampaignInput>;

export const addMemberInput = z.strictObject({
  campaignId: campaignIdSchema,
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" })),
  /** Creates the annotator account when no user has this email yet. */
  password: z.string().min(8, "Passwords have at least 8 characters").max(256).optional(),
});
export type AddMemberInput = z.input<typeof addMemberInput>;
