import { z } from "zod";

export const submitJudgementInput = z.strictObject({
  assignmentId: z.uuid(),
  /** Chosen by the client once per answer; a retry with the same key is answered, not stored. */
  idempotencyKey: z.string().min(8).max(128),
  payload: z.record(z.string(), z.unknown()),
  /** Time the annotator spent with the task visible, as measured by the client. */
  activeMs: z.number().int().min(0).max(7 * 24 * 3600 * 1000).optional(),
});
export type SubmitJudgementInput = z.input<typeof submitJudgementInput>;
