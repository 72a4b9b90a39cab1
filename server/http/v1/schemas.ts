import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { CONTENT_KINDS } from "@/db/schema/items";
import { SUGGESTION_MODES } from "@/server/domain/suggestion";
import { IDENTITY_LEAK_MODES } from "@/server/domain/identity-leak";
import {
  createCampaignInput,
  updateCampaignInput,
} from "@/server/services/campaigns/campaign-inputs";
import { templateConfigSchema } from "@/server/services/campaigns/template-config";
import { contentPartSchema, toolCallSchema } from "@/server/formats/messages";

/**
 * The REST v1 wire shapes (snake_case). Route handlers parse with the request schemas; the
 * OpenAPI document is generated from all of them, so docs and behaviour cannot drift apart.
 */

// Requests. Campaign settings reuse the services' own schemas, which are already snake_case.
export const createCampaignBody = createCampaignInput;
export const updateCampaignBody = updateCampaignInput;

export const addMemberBody = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address" })),
  /** Campaign members are annotators; the field is there so the API can grow more roles. */
  role: z.literal("annotator").default("annotator"),
  password: z
    .string()
    .min(8)
    .max(256)
    .optional()
    .describe("Creates the annotator's account when no user has this email yet"),
});

export const draftBody = z.strictObject({
  draft: z.unknown().describe("Work in progress, any JSON up to 256 kB; comes back with the task"),
});

export const skipBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const judgementBody = z.strictObject({
  idempotency_key: z
    .string()
    .min(8)
    .max(128)
    .describe("Chosen once per answer; a retry with the same key returns the first judgement"),
  payload: z
    .record(z.string(), z.unknown())
    .describe("The verdict for the campaign's template (DESIGN §5), naming responses by id"),
  active_ms: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000)
    .optional(),
});

// Responses.
const timestamp = z.iso.datetime();
const uuid = z.uuid();

export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z
      .unknown()
      .describe("Safe extra detail, e.g. validation issues or import problems; null when none"),
  }),
});

export const campaignOut = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  template: templateConfigSchema,
  template_version: z.number().int(),
  overlap: z.number().int(),
  lease_ttl_seconds: z.number().int(),
  gold_rate: z.number().optional().describe("Admins only"),
  probe_rate: z.number().optional().describe("Admins only"),
  gold_feedback: z
    .boolean()
    .optional()
    .describe("Admins only. After a gold item, the submit reply carries the expected answer and its guideline passage"),
  identity_leak: z.enum(IDENTITY_LEAK_MODES).optional().describe("Admins only. Hold or warn on responses that name a model or vendor"),
  identity_leak_words: z.array(z.string()).optional().describe("Admins only. The phrases responses are checked against"),
  daily_cap: z.number().int().nullable(),
  suggestion_mode: z
    .enum(SUGGESTION_MODES)
    .describe("When annotators see an LLM judge's suggestion: hidden, after_submit (revealed in the submit reply) or before_submit (a hint on the task)"),
  guidelines: z.string(),
  guideline_version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const campaignSummaryOut = z.object({
  id: uuid,
  slug: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  template_kind: z.string(),
  overlap: z.number().int(),
  item_count: z.number().int(),
  completed_items: z.number().int(),
  judgement_count: z.number().int(),
  my_submitted: z.number().int(),
  created_at: timestamp,
});
export const campaignListOut = z.object({ campaigns: z.array(campaignSummaryOut) });

export const memberOut = z.object({
  user_id: uuid,
  email: z.string(),
  role: z.literal("annotator"),
  created_account: z.boolean(),
  already_member: z.boolean(),
});

const taskSuggestionOut = z.object({
  judge: z.string().describe("The judge's name"),
  payload: z
    .record(z.string(), z.unknown())
    .describe("The judge's verdict in the template's payload shape, naming responses by this task's ids"),
});

const messageOut = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(contentPartSchema)]).describe("Text, or content parts (text and image_url) for a vision prompt"),
  tool_calls: z.array(toolCallSchema).optional(),
  tool_call_id: z.string().optional(),
});
export const taskOut = z.object({
  assignment_id: uuid,
  expires_at: timestamp,
  item: z.object({ id: uuid, prompt: z.array(messageOut) }),
  responses: z
    .array(
      z.object({
        id: uuid,
        content_kind: z.enum(CONTENT_KINDS),
        content: z.string(),
        steps: z.array(z.string()).optional().describe("Steps template only: the steps to label, one label each"),
        reasoning: z.string().optional().describe("The model's reasoning, apart from its answer"),
        messages: z
          .array(messageOut)
          .optional()
          .describe("A response that continues the conversation (assistant turns, user follow-ups, tool calls and results); content is then their text"),
      }),
    )
    .describe("In display order. Ids are this task's own handles (they differ on every assignment): answer with them"),
  template: templateConfigSchema,
  guideline_version: z.number().int(),
  draft: z.unknown(),
  suggestion: taskSuggestionOut
    .nullable()
    .describe("Only in a before_submit campaign, for an item an LLM judge has a consistent verdict on; null otherwise"),
  identity_warning: z
    .boolean()
    .describe("A response may reveal which model wrote it (flagged by the campaign's identity-leak list): tell the annotator, without saying which"),
});

export const heartbeatOut = z.object({ expires_at: timestamp });
export const goldFeedbackOut = z
  .object({
    expected: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("The gold answer in the template's payload shape, naming responses by this task's ids"),
    explanation: z.string().nullable().describe("The guideline passage (markdown) imported with the item"),
    agreed: z.boolean().nullable().describe("Whether the answer matches the gold answer; null when it cannot be compared"),
  })
  .nullable()
  .describe("Set only after a gold item in a campaign with gold_feedback on; null otherwise");
export const judgementOut = z.object({
  id: uuid,
  created: z.boolean().describe("False when this answered a retry with the same idempotency key"),
  gold_feedback: goldFeedbackOut,
  suggestion_shown: z.boolean().describe("Whether the task showed an LLM judge's suggestion before this answer"),
  agreed_with_suggestion: z
    .boolean()
    .nullable()
    .describe("Whether the answer says what the shown suggestion said; null when none was shown"),
  suggestion: taskSuggestionOut
    .extend({ agreed: z.boolean().nullable().describe("Whether the answer says what the suggestion says") })
    .nullable()
    .describe("The judge's suggestion, revealed once the answer is stored; null in a hidden campaign or when the item has none"),
});

export const statsOut = z.object({
  campaign_id: uuid,
  status: z.enum(CAMPAIGN_STATUSES),
  overlap: z.number().int(),
  items: z.number().int(),
  judgements: z.number().int(),
  completed_items: z.number().int(),
  annotators: z.array(
    z.object({
      user_id: uuid,
      email: z.string(),
      submitted: z.number().int(),
      skipped: z.number().int(),
      in_progress: z.number().int(),
    }),
  ),
  identity_leaks: z
    .object({
      flagged: z.number().int().describe("Items with a response that matched the identity-leak list (held, warned or released)"),
      held: z.number().int().describe("Flagged items no annotator is served until an admin releases them"),
      warned: z.number().int().describe("Flagged items served with a warning"),
      released: z.number().int().describe("Flagged items an admin released"),
    })
    .describe("The identity-leak guard's counts"),
});

export const importOut = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  flagged: z.number().int().describe("Imported items with a response matching the identity-leak list: held or warned, by the campaign's setting"),
});
