import { z } from "zod";

/** `POST /api/v1/campaigns/{id}/judge` (DESIGN §15). */
export const startJudgeInput = z.strictObject({
  endpoint: z.uuid().describe("The model endpoint that judges"),
  prompt: z
    .string()
    .trim()
    .max(20_000)
    .optional()
    .describe("The judge's instructions; the campaign's guidelines are always added"),
});
export type StartJudgeInput = z.input<typeof startJudgeInput>;

/** What a judge job was asked to do, as stored on the job. */
export interface JudgeJobParams {
  endpoints: [string];
  prompt?: string;
}
