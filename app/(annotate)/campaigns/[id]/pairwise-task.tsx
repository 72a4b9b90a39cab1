"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { toggleDiff } from "@/app/_components/content/view-prefs";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import type { ClaimedTask, RouterOutputs } from "@/app/_trpc/types";
import {
  answerFromDraft,
  answerProblem,
  answerToDraft,
  answerToPayload,
  type PairwiseAnswer,
} from "./pairwise-answer";
import { answerAfterKey, focusFlags } from "./pairwise-keys";
import { PairwiseView } from "./pairwise-view";
import { SkipDialog } from "./skip-dialog";
import { useKeys } from "./use-keys";
import { useLeaseUpkeep } from "./use-lease-upkeep";

export interface SubmittedAnswer {
  task: ClaimedTask;
  answer: PairwiseAnswer;
  judgementId: string;
}

/**
 * The current pairwise task, fully usable from the keyboard: 1 A better, 2 B better, 3 tie,
 * 4 both bad, q w e r strength (when the template asks for it), f flags, Enter submit, s skip,
 * n next task after a submit the server refused for good.
 */
export function PairwiseTask({
  task,
  active,
  onSubmitted,
  onNext,
  onBusy,
}: {
  task: ClaimedTask;
  /** False while the task is hidden behind the edit of a previous answer: its keys are off. */
  active: boolean;
  /** Called with the stored answer and the next claim, which the submit reply carries. */
  onSubmitted: (done: SubmittedAnswer, next: RouterOutputs["task"]["claimNext"] | null) => void;
  /** Move on without an answer (after a skip or a refused submit). */
  onNext: () => void;
  onBusy: (busy: boolean) => void;
}) {
  const trpc = useTRPC();
  const template = task.template.kind === "pairwise" ? task.template : null;
  const responseIds = task.responses.map((r) => r.id);
  const [answer, setAnswer] = useState(() => answerFromDraft(task.draft, template, responseIds));
  const [skipping, setSkipping] = useState(false);
  const problem = answerProblem(answer, template, responseIds);
  const idempotencyKey = useRef(randomId());
  const sent = useRef(answer);
  const upkeep = useLeaseUpkeep(task.assignmentId, answerToDraft(answer));
  const submit = useMutation(
    trpc.task.submit.mutationOptions({
      onSuccess: (reply) =>
        onSubmitted({ task, answer: sent.current, judgementId: reply.judgementId }, reply.next),
    }),
  );
  const skip = useMutation(trpc.task.skip.mutationOptions({ onSuccess: onNext }));
  const busy = submit.isPending || skip.isPending;
  // A refused late submit (lease expired, item full) cannot succeed on retry: keep the answer
  // on screen with the reason, and offer the next task instead.
  const closed = submit.error?.data?.code === "CONFLICT";
  useEffect(() => {
    onBusy(busy);
    return () => onBusy(false);
  }, [busy, onBusy]);

  function send() {
    if (problem !== null || busy || closed) return;
    sent.current = answer;
    submit.mutate({
      assignmentId: task.assignmentId,
      idempotencyKey: idempotencyKey.current,
      payload: answerToPayload(answer, template, responseIds),
      activeMs: upkeep.readActiveMs(),
      claimNext: true,
    });
  }

  useKeys((key) => {
    if (busy) return true;
    if (closed) {
      if (key === "n") onNext();
      return key === "n";
    }
    const next = answerAfterKey(key, answer, template, responseIds);
    if (next) setAnswer(next);
    else if (key === "Enter") send();
    else if (key === "s") setSkipping(true);
    else if (key === "d") toggleDiff();
    else if (key === "f" && template && template.flags.length > 0) focusFlags();
    else return false;
    return true;
  }, active);

  return (
    <>
      <PairwiseView
        assignmentId={task.assignmentId}
        prompt={task.item.prompt}
        responses={task.responses}
        template={template}
        answer={answer}
        onChange={(a) => {
          if (!closed && !busy) setAnswer(a);
        }}
        onSubmit={send}
        problem={problem}
        submitting={submit.isPending}
        closed={closed}
        error={
          submit.error
            ? closed
              ? `Your answer could not be stored: ${submit.error.message}`
              : submit.error.message
            : null
        }
        actions={
          closed ? (
            <button
              type="button"
              className="btn btn-primary"
              aria-keyshortcuts="n"
              onClick={onNext}
            >
              Next task <span className="kbd">n</span>
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              aria-keyshortcuts="s"
              disabled={busy}
              onClick={() => setSkipping(true)}
            >
              Skip <span className="kbd">s</span>
            </button>
          )
        }
      />
      {skipping && (
        <SkipDialog
          pending={skip.isPending}
          error={skip.error?.message ?? null}
          onClose={() => setSkipping(false)}
          onSkip={(reason) => skip.mutate({ assignmentId: task.assignmentId, reason })}
        />
      )}
    </>
  );
}
