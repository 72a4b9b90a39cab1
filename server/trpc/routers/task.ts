import { z } from "zod";
import { claimNextTask } from "@/server/services/assignment/claim-next-task";
import { getAnnotatorProgress } from "@/server/services/assignment/get-annotator-progress";
import {
  heartbeatAssignment,
  saveDraft,
  skipAssignment,
} from "@/server/services/assignment/lease-actions";
import { campaignIdSchema } from "@/server/services/campaigns/campaign-inputs";
import { listRecentJudgements } from "@/server/services/judgements/list-recent-judgements";
import { reviseJudgement } from "@/server/services/judgements/revise-judgement";
import { reviseJudgementInput } from "@/server/services/judgements/revise-judgement-input";
import { submitJudgement } from "@/server/services/judgements/submit-judgement";
import { submitJudgementInput } from "@/server/services/judgements/submit-judgement-input";
import { createTRPCRouter, protectedProcedure } from "../init";

const assignmentInput = z.strictObject({ assignmentId: z.uuid() });

/** The annotator's loop. Membership and ownership are checked in the services. */
export const taskRouter = createTRPCRouter({
  /** With `after` (the lease on screen), a prefetch of the task after it (see claimNextTask). */
  claimNext: protectedProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, after: z.uuid().optional() }))
    .mutation(({ ctx, input }) => claimNextTask(ctx.db, { campaignId: input.campaignId, user: ctx.user, after: input.after })),

  /** Done today and left for this annotator, with the campaign's name, for the screen's header. */
  progress: protectedProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema }))
    .query(({ ctx, input }) => getAnnotatorProgress(ctx.db, { campaignId: input.campaignId, user: ctx.user })),

  /** The annotator's own answers that can still be revised, newest first ("edit previous"). */
  recent: protectedProcedure
    .input(z.strictObject({ campaignId: campaignIdSchema, limit: z.number().int().min(1).max(50).default(10) }))
    .query(({ ctx, input }) => listRecentJudgements(ctx.db, { ...input, user: ctx.user })),

  /** With `shown`, the screen reports that it now shows this task (a prefetched one, say). */
  heartbeat: protectedProcedure
    .input(assignmentInput.extend({ shown: z.boolean().optional() }))
    .mutation(({ ctx, input }) => heartbeatAssignment(ctx.db, { ...input, user: ctx.user })),

  saveDraft: protectedProcedure
    .input(assignmentInput.extend({ draft: z.unknown() }))
    .mutation(({ ctx, input }) =>
      saveDraft(ctx.db, { assignmentId: input.assignmentId, draft: input.draft, user: ctx.user }),
    ),

  /** With `claimNext`, the reply carries the next task, as `submit` does. */
  skip: protectedProcedure
    .input(assignmentInput.extend({ reason: z.string().min(1).max(500), claimNext: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { claimNext, ...skip } = input;
      const { campaignId } = await skipAssignment(ctx.db, { ...skip, user: ctx.user });
      return { next: claimNext ? await claimNextTask(ctx.db, { campaignId, user: ctx.user }) : null };
    }),

  /**
   * With `claimNext`, the reply also carries the annotator's next task, so the screen can show
   * it the moment the answer is stored: one round trip per task instead of two. `goldFeedback`
   * is set only after a gold item in a campaign with gold feedback on; `suggestion` (the judge's
   * verdict, revealed now) only in a campaign that shows suggestions, for an item that has one.
   */
  submit: protectedProcedure
    .input(submitJudgementInput.extend({ claimNext: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { claimNext, ...submission } = input;
      const { judgement, created, goldFeedback, suggestion } = await submitJudgement(ctx.db, { input: submission, user: ctx.user });
      const next = claimNext
        ? await claimNextTask(ctx.db, { campaignId: judgement.campaignId, user: ctx.user })
        : null;
      return {
        judgementId: judgement.id,
        created,
        goldFeedback,
        suggestion,
        suggestionShown: judgement.suggestionShown,
        agreedWithSuggestion: judgement.agreedWithSuggestion,
        next,
      };
    }),

  /** "Fix my last answer": stores a revision that supersedes the annotator's latest judgement. */
  revise: protectedProcedure.input(reviseJudgementInput).mutation(async ({ ctx, input }) => {
    const { judgement, created } = await reviseJudgement(ctx.db, { input, user: ctx.user });
    return { judgementId: judgement.id, revisionOf: judgement.revisionOf, created };
  }),
});
