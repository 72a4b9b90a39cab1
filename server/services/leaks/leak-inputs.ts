import { z } from "zod";

/** Which flagged items a review list shows: all of them, or those in one state. */
export const LEAK_FILTERS = ["flagged", "held", "warned", "released"] as const;

/** Items on one page of the review list, at most. */
export const LEAK_PAGE_LIMIT = 200;

export const listIdentityLeaksInput = z.strictObject({
  status: z.enum(LEAK_FILTERS).default("flagged"),
  /** Keyset: the `next` of the previous page. */
  after: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(LEAK_PAGE_LIMIT).default(50),
});
export type ListIdentityLeaksInput = z.input<typeof listIdentityLeaksInput>;

export const releaseIdentityLeaksInput = z.strictObject({
  item_ids: z.array(z.uuid()).min(1).max(1_000),
  /** false puts released items back under the campaign's mode (held or warned). */
  released: z.boolean().default(true),
});
export type ReleaseIdentityLeaksInput = z.input<typeof releaseIdentityLeaksInput>;
