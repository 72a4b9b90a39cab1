"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { toggleDiff } from "@/app/_components/content/view-prefs";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import type { ClaimedTask, RouterOutputs } from "@/app/_trpc/types";
import type { AnswerKind } from "./answer-kind";
import { ACCEPT_SUGGESTION, SCREEN_KEYS, bindingFor, hintOf, shortcutOf, suggestionKeys } from "./key-map";
import { IdentityWarning } from "./identity-warning";
import { focusFlags } from "./pairwise-keys";
import { SkipDialog } from "./skip-dialog";
import { acceptedAnswer } from "./suggestion-answer";
import { SuggestionHint } from "./suggestion-hint";
import { useKeys } from "./use-keys";
import { useLeaseUpkeep } from "./use-lease-upkeep";

/** A stored answer with its task as it was shown, so it can be reopened and changed. */
export interface SubmittedAnswer {
  judgementId: string;
  payload: unknown;
  task: Pick<ClaimedTask, "assignmentId" | "item" | "responses" | "template">;
}

/**
 * The current task of any template, fully usable from the keyboard through the kind's key map:
 * its keys, Enter submit, s skip, f flags, n next task after a submit refused for good.
 */
export function TemplateTask<T, A>({
  kind,
  template,
  task,
  active,
  onSubmitted,
  onNext,
  onBusy,
  onSending,
  onFailed,
}: {
  kind: AnswerKind<T, A>;
  template: T;
  task: ClaimedTask;
  /** False while the task is hidden behind the edit of a previous answer: its keys are off. */
  active: boolean;
  /** Called with the stored answer and the submit reply (the next claim, any gold feedback or revealed suggestion). */
  onSubmitted: (done: SubmittedAnswer, reply: RouterOutputs["task"]["submit"]) => void;
  /** Move on without an answer (after a skip, whose reply carries the next task, or a refused submit). */
  onNext: (next?: RouterOutputs["task"]["claimNext"] | null) => void;
  onBusy: (busy: boolean) => void;
  /**
   * Called as the answer is sent; true when the screen has already moved on to a prefetched
   * task, so the reply need not carry the next one.
   */
  onSending?: () => boolean;
  /** Called when the submit fails, so a screen that moved on can bring this task back. */
  onFailed?: () => void;
}) {
  const trpc = useTRPC();
  const responseIds = task.responses.map((r) => r.id);
  const { suggestion } = task;
  const keys = [...kind.keys(template, responseIds), ...suggestionKeys(task)];
  const [answer, setAnswer] = useState(() => kind.fromDraft(task.draft, template, responseIds));
  const [skipping, setSkipping] = useState(false);
  const problem = kind.problem(answer, template, responseIds);
  const idempotencyKey = useRef(randomId());
  const sent = useRef<unknown>(null);
  const upkeep = useLeaseUpkeep(task.assignmentId, kind.toDraft(answer));
  const submit = useMutation(
    trpc.task.submit.mutationOptions({
      onSuccess: (reply) => onSubmitted({ task, payload: sent.current, judgementId: reply.judgementId }, reply),
      onError: () => onFailed?.(),
    }),
  );
  const skip = useMutation(trpc.task.skip.mutationOptions({ onSuccess: (reply) => onNext(reply.next) }));
  const busy = submit.isPending || skip.isPending;
  // A refused late submit (lease expired, item full) cannot succeed on retry: keep the answer
  // on screen with the reason, and offer the next task instead.
  const closed = submit.error?.data?.code === "CONFLICT";
  useEffect(() => {
    onBusy(busy);
    return () => onBusy(false);
  }, [busy, onBusy]);

  function send(given: A = answer) {
    if (kind.problem(given, template, responseIds) !== null || busy || closed) return;
    const payload = kind.toPayload(given, template, responseIds);
    sent.current = payload;
    const activeMs = upkeep.readActiveMs();
    const movedOn = onSending?.() ?? false;
    submit.mutate({
      assignmentId: task.assignmentId,
      idempotencyKey: idempotencyKey.current,
      payload,
      activeMs,
      claimNext: !movedOn,
    });
  }

  useKeys((key) => {
    if (busy) return true;
    if (closed) {
      if (key === "n") onNext(null);
      return key === "n";
    }
    const binding = bindingFor(keys, key) ?? bindingFor(SCREEN_KEYS, key);
    if (!binding) return false;
    if (binding.id === "submit") send();
    else if (binding.id === ACCEPT_SUGGESTION.id) accept();
    else if (binding.id === "skip") setSkipping(true);
    else if (binding.id === "flags") focusFlags();
    else if (binding.id === "diff") toggleDiff();
    else {
      const next = kind.afterKey(binding.id, key, answer, template, responseIds);
      if (!next) return false;
      setAnswer(next);
    }
    return true;
  }, active);

  /** Takes the suggestion as the answer, and submits it when the template asks for nothing more. */
  function accept() {
    if (!suggestion || busy || closed) return;
    const next = acceptedAnswer(kind, answer, template, responseIds, suggestion.payload);
    setAnswer(next);
    send(next);
  }

  const View = kind.View;
  return (
    <>
      {suggestion && (
        <SuggestionHint
          suggestion={suggestion}
          template={task.template}
          responseIds={responseIds}
          disabled={busy || closed}
          onAccept={accept}
        />
      )}
      {task.identityWarning && <IdentityWarning />}
      <View
        assignmentId={task.assignmentId}
        prompt={task.item.prompt}
        responses={task.responses}
        template={template}
        keys={keys}
        answer={answer}
        onChange={(a) => {
          if (!closed && !busy) setAnswer(a);
        }}
        onSubmit={() => send()}
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
              aria-keyshortcuts={shortcutOf(SCREEN_KEYS, "next")}
              onClick={() => onNext(null)}
            >
              Next task <span className="kbd">{hintOf(SCREEN_KEYS, "next")}</span>
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              aria-keyshortcuts={shortcutOf(SCREEN_KEYS, "skip")}
              disabled={busy}
              onClick={() => setSkipping(true)}
            >
              Skip <span className="kbd">{hintOf(SCREEN_KEYS, "skip")}</span>
            </button>
          )
        }
      />
      {skipping && (
        <SkipDialog
          pending={skip.isPending}
          error={skip.error?.message ?? null}
          onClose={() => setSkipping(false)}
          onSkip={(reason) => skip.mutate({ assignmentId: task.assignmentId, reason, claimNext: true })}
        />
      )}
    </>
  );
}
