import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { templateConfigSchema } from "./template-config";

export const campaignIdSchema = z.uuid({ message: "Not a campaign id" });

export const createCampaignInput = z.strictObject({
  name: z.string().trim().min(1, "Give the campaign a name").max(200),
  description: z.string().max(5_000).default(""),
  template: templateConfigSchema.default({
    kind: "pairwise",
    allow_tie: true,
    allow_both_bad: true,
    strength: false,
    criteria: [],
    rationale: { required: false, min_length: 0 },
    flags: [],
  }),
  overlap: z.number().int().min(1).max(100).default(3),
  lease_ttl_seconds: z.number().int().min(10).max(24 * 3600).default(900),
  gold_rate: z.number().min(0).max(1).default(0),
  probe_rate: z.number().min(0).max(1).default(0),
  daily_cap: z.number().int().positive().nullable().default(null),
  guidelines: z.string().max(200_000).default(""),
  status: z.enum(CAMPAIGN_STATUSES).default("draft"),
});
export type CreateCampaignInput = z.input<typeof createCampaignInput>;

export const addMemberInput = z.strictObject({
  campaignId: campaignIdSchema,
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" })),
  /** Creates the annotator account when no user has this email yet. */
  password: z.string().min(8, "Passwords have at least 8 characters").max(256).optional(),
});
export type AddMemberInput = z.input<typeof addMemberInput>;
