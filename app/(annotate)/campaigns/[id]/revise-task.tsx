"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import { answerProblem, answerToPayload } from "./pairwise-answer";
import type { SubmittedAnswer } from "./pairwise-task";
import { answerAfterKey, focusFlags } from "./pairwise-keys";
import { PairwiseView } from "./pairwise-view";
import { useKeys } from "./use-keys";

/**
 * `u`: the annotator's last answer of this session, reopened in the same screen with the
 * responses in the order they were shown then, and stored as a revision (task.revise).
 */
export function ReviseTask({
  previous,
  onRevised,
  onCancel,
}: {
  previous: SubmittedAnswer;
  onRevised: (revised: SubmittedAnswer) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const { task } = previous;
  const template = task.template.kind === "pairwise" ? task.template : null;
  const responseIds = task.responses.map((r) => r.id);
  const [answer, setAnswer] = useState(previous.answer);
  const problem = answerProblem(answer, template, responseIds);
  // One key per edit: a retried request is answered, not stored twice.
  const idempotencyKey = useRef(randomId());
  const openedAt = useRef(performance.now());
  const revise = useMutation(
    trpc.task.revise.mutationOptions({
      // Keys and clicks are off while the request is in flight, so `answer` is what was sent.
      onSuccess: (reply) => onRevised({ task, answer, judgementId: reply.judgementId }),
    }),
  );
  // Too old, already changed, or no longer the latest answer: retrying cannot help.
  const refused = revise.error?.data?.code === "CONFLICT";

  function send() {
    if (problem !== null || revise.isPending || refused) return;
    revise.mutate({
      judgementId: previous.judgementId,
      idempotencyKey: idempotencyKey.current,
      payload: answerToPayload(answer, template, responseIds),
      activeMs: Math.round(performance.now() - openedAt.current),
    });
  }

  useKeys((key) => {
    // Escape (back to the current task) is the screen's, which also closes the guidelines first.
    if (revise.isPending) return true;
    if (refused) return false;
    const next = answerAfterKey(key, answer, template, responseIds);
    if (next) setAnswer(next);
    else if (key === "Enter") send();
    else if (key === "f" && template && template.flags.length > 0) focusFlags();
    else return false;
    return true;
  });

  return (
    <div className="space-y-3">
      <p
        role="status"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      >
        You are changing your previous answer. Submit stores the new one in its place; Escape goes
        back to your current task.
      </p>
      <PairwiseView
        label="Previous answer"
        assignmentId={task.assignmentId}
        prompt={task.item.prompt}
        responses={task.responses}
        template={template}
        answer={answer}
        onChange={(a) => {
          if (!refused && !revise.isPending) setAnswer(a);
        }}
        onSubmit={send}
        problem={problem}
        submitting={revise.isPending}
        closed={refused}
        error={
          revise.error
            ? refused
              ? `This answer can no longer be changed: ${revise.error.message}`
              : revise.error.message
            : null
        }
        actions={
          <button type="button" className="btn" aria-keyshortcuts="Escape" onClick={onCancel}>
            Back to current task <span className="kbd">Esc</span>
          </button>
        }
      />
    </div>
  );
}
