"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import type { ClaimedTask, RouterOutputs } from "@/app/_trpc/types";
import {
  STRENGTH_OPTIONS,
  answerFromDraft,
  answerProblem,
  answerToDraft,
  answerToPayload,
  verdictOptions,
} from "./pairwise-answer";
import { PairwiseView } from "./pairwise-view";
import { useLeaseUpkeep } from "./use-lease-upkeep";

/**
 * A pairwise task, fully usable from the keyboard: 1 A better, 2 B better, 3 tie, 4 both bad,
 * q w e r strength (when the template asks for it), Enter submit.
 */
export function PairwiseTask({
  task,
  onDone,
}: {
  task: ClaimedTask;
  /** Called with the next claim, which the submit reply carries. */
  onDone: (next: RouterOutputs["task"]["claimNext"]) => void;
}) {
  const trpc = useTRPC();
  const template = task.template.kind === "pairwise" ? task.template : null;
  const responseIds = task.responses.map((r) => r.id);
  const options = verdictOptions(template, responseIds);
  const [answer, setAnswer] = useState(() => answerFromDraft(task.draft, template, responseIds));
  const problem = answerProblem(answer, template, responseIds);
  const idempotencyKey = useRef(randomId());
  const upkeep = useLeaseUpkeep(task.assignmentId, answerToDraft(answer));
  const submit = useMutation(
    trpc.task.submit.mutationOptions({
      onSuccess: (reply) => {
        if (reply.next) onDone(reply.next);
      },
    }),
  );
  const { mutate } = submit;

  const send = useCallback(() => {
    if (problem !== null || submit.isPending) return;
    mutate({
      assignmentId: task.assignmentId,
      idempotencyKey: idempotencyKey.current,
      payload: answerToPayload(answer, template, responseIds),
      activeMs: upkeep.readActiveMs(),
      claimNext: true,
    });
  }, [answer, problem, mutate, submit.isPending, task.assignmentId, template, responseIds, upkeep]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
      )
        return;
      const option = options.find((o) => o.key === event.key);
      const strength = template?.strength
        ? STRENGTH_OPTIONS.find((s) => s.key === event.key)
        : undefined;
      if (submit.isPending) return;
      if (option) {
        event.preventDefault();
        setAnswer((a) => ({ ...a, choice: option.value }));
      } else if (strength && responseIds.includes(answer.choice ?? "")) {
        event.preventDefault();
        setAnswer((a) => ({ ...a, strength: strength.value }));
      } else if (event.key === "Enter") {
        event.preventDefault();
        send();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <PairwiseView
      assignmentId={task.assignmentId}
      prompt={task.item.prompt}
      responses={task.responses}
      template={template}
      answer={answer}
      onChange={setAnswer}
      onSubmit={send}
      problem={problem}
      submitting={submit.isPending}
      error={submit.isError ? submit.error.message : null}
    />
  );
}
