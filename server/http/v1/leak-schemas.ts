import { z } from "zod";
import { IDENTITY_LEAK_MODES, LEAK_STATUSES } from "@/server/domain/identity-leak";
import { LEAK_FILTERS, LEAK_PAGE_LIMIT, releaseIdentityLeaksInput } from "@/server/services/leaks/leak-inputs";
import type { IdentityLeakCounts } from "@/server/services/leaks/count-identity-leaks";
import type { IdentityLeakReview } from "@/server/services/leaks/list-identity-leaks";
import type { RecheckResult } from "@/server/services/leaks/recheck-identity-leaks";

/** REST v1 wire shapes of the identity-leak review (DESIGN §15), snake_case. */

export const identityLeaksQuery = z.strictObject({
  status: z.enum(LEAK_FILTERS).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(LEAK_PAGE_LIMIT).optional(),
});

/** The service's own schema: already snake_case. */
export const releaseIdentityLeaksBody = releaseIdentityLeaksInput;

const countsOut = z.object({
  flagged: z.number().int(),
  held: z.number().int(),
  warned: z.number().int(),
  released: z.number().int(),
});

export const identityLeaksOut = z.object({
  mode: z.enum(IDENTITY_LEAK_MODES),
  words: z.array(z.string()),
  counts: countsOut,
  items: z.array(
    z.object({
      item_id: z.uuid(),
      external_id: z.string(),
      status: z.enum(LEAK_STATUSES),
      responses: z
        .array(
          z.object({
            response_id: z.uuid(),
            external_id: z.string(),
            model: z.string().nullable(),
            phrases: z.array(z.string()).describe("The campaign's phrases this response contains"),
            excerpts: z
              .array(z.object({ before: z.string(), match: z.string(), after: z.string() }))
              .describe("The text around the first few matches"),
          }),
        )
        .describe("The item's flagged responses, in source order"),
    }),
  ),
  next: z.number().int().nullable().describe("Pass as `after` for the next page; null on the last"),
});

export const releaseIdentityLeaksOut = z.object({
  changed: z.number().int().describe("Items whose status changed"),
  counts: countsOut,
});

export const recheckIdentityLeaksOut = z.object({
  responses_changed: z.number().int(),
  items_changed: z.number().int(),
  counts: countsOut,
});

export function identityLeaksJson(review: IdentityLeakReview): z.input<typeof identityLeaksOut> {
  return {
    mode: review.mode,
    words: review.words,
    counts: review.counts,
    items: review.items.map((i) => ({
      item_id: i.itemId,
      external_id: i.externalId,
      status: i.status,
      responses: i.responses.map((r) => ({
        response_id: r.responseId,
        external_id: r.externalId,
        model: r.model,
        phrases: r.phrases,
        excerpts: r.excerpts,
      })),
    })),
    next: review.next,
  };
}

export function recheckJson(result: RecheckResult & { counts: IdentityLeakCounts }): z.input<typeof recheckIdentityLeaksOut> {
  return { responses_changed: result.responsesChanged, items_changed: result.itemsChanged, counts: result.counts };
}
