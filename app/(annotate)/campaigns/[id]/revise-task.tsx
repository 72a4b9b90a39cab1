"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import type { AnswerKind } from "./answer-kind";
import { bindingFor } from "./key-map";
import { focusFlags } from "./pairwise-keys";
import type { SubmittedAnswer } from "./template-task";
import { useKeys } from "./use-keys";

/**
 * An earlier answer reopened in the same screen, with the responses in the order they were
 * shown then, and stored as a revision (task.revise). Works for every template kind.
 */
export function ReviseTask<T, A>({
  kind,
  template,
  previous,
  onRevised,
  onCancel,
}: {
  kind: AnswerKind<T, A>;
  template: T;
  previous: SubmittedAnswer;
  onRevised: (revised: SubmittedAnswer) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const { task } = previous;
  const responseIds = task.responses.map((r) => r.id);
  const keys = kind.keys(template, responseIds);
  const [answer, setAnswer] = useState(() => kind.fromDraft(previous.payload, template, responseIds));
  const problem = kind.problem(answer, template, responseIds);
  // One key per edit: a retried request is answered, not stored twice.
  const idempotencyKey = useRef(randomId());
  const openedAt = useRef(performance.now());
  const sent = useRef<unknown>(null);
  const revise = useMutation(
    trpc.task.revise.mutationOptions({
      onSuccess: (reply) => onRevised({ task, payload: sent.current, judgementId: reply.judgementId }),
    }),
  );
  // Too old or already changed: retrying cannot help.
  const refused = revise.error?.data?.code === "CONFLICT";

  function send() {
    if (problem !== null || revise.isPending || refused) return;
    const payload = kind.toPayload(answer, template, responseIds);
    sent.current = payload;
    revise.mutate({
      judgementId: previous.judgementId,
      idempotencyKey: idempotencyKey.current,
      payload,
      activeMs: Math.round(performance.now() - openedAt.current),
    });
  }

  useKeys((key) => {
    // Escape (back to the current task) is the screen's, which also closes the guidelines first.
    if (revise.isPending) return true;
    if (refused) return false;
    const binding = bindingFor(keys, key);
    if (!binding) return false;
    if (binding.id === "submit") send();
    else if (binding.id === "flags") focusFlags();
    else {
      const next = kind.afterKey(binding.id, key, answer, template, responseIds);
      if (!next) return false;
      setAnswer(next);
    }
    return true;
  });

  const View = kind.View;
  return (
    <div className="space-y-3">
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        You are changing an earlier answer. Submit stores the new one in its place; Escape goes back
        to your current task.
      </p>
      <View
        label="Previous answer"
        assignmentId={task.assignmentId}
        prompt={task.item.prompt}
        responses={task.responses}
        template={template}
        keys={keys}
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
