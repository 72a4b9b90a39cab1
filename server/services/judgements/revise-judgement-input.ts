import { z } from "zod";

/** How long after submitting an annotator may still fix an answer. */
export const REVISION_WINDOW_HOURS = 24;

export const reviseJudgementInput = z.strictObject({
  /** The live judgement being corrected: the last submit's or the last revision's id. */
  judgementId: z.uuid(),
  /** Chosen by the client once per edit; a retry with the same key is answered, not stored. */
  idempotencyKey: z.string().min(8).max(128),
  payload: z.record(z.string(), z.unknown()),
  activeMs: z.number().int().min(0).max(7 * 24 * 3600 * 1000).optional(),
});
export type ReviseJudgementInput = z.input<typeof reviseJudgementInput>;
