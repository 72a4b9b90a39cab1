import { z } from "zod";

/** Filters of the audit log; every one optional, combined with AND. */
export const listAuditEventsInput = z.strictObject({
  campaignId: z.uuid().optional(),
  /** Events the user did or that were done to them. */
  userId: z.uuid().optional(),
  /** An exact action, or a prefix ending in `*` (`campaign.member.*`). */
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_.]+\*?$/, "Actions are dotted names, optionally ending in *")
    .optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsInput = z.input<typeof listAuditEventsInput>;
