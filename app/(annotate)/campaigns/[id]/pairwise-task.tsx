"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { Markdown } from "@/app/_components/markdown";
import { randomId } from "@/app/_lib/random-id";
import { useTRPC } from "@/app/_trpc/client";
import type { ClaimedTask, RouterOutputs } from "@/app/_trpc/types";
import { Conversation } from "./conversation";
import { useLeaseUpkeep } from "./use-lease-upkeep";

const SLOT_LABELS = ["A", "B"] as const;

function draftChoice(draft: unknown, valid: string[]): string | null {
  const choice = (draft as { choice?: unknown } | null)?.choice;
  return typeof choice === "string" && valid.includes(choice) ? choice : null;
}

/** A pairwise task, fully usable from the keyboard: 1 A better, 2 B better, 3 tie, 4 both bad, Enter submit. */
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
  const [first, second] = task.responses;
  const options = [
    first && { key: "1", value: first.id, label: "A is better" },
    second && { key: "2", value: second.id, label: "B is better" },
    template?.allow_tie && { key: "3", value: "tie", label: "Tie" },
    template?.allow_both_bad && { key: "4", value: "both_bad", label: "Both bad" },
  ].filter((o): o is { key: string; value: string; label: string } => Boolean(o));
  const [choice, setChoice] = useState<string | null>(() =>
    draftChoice(task.draft, options.map((o) => o.value)),
  );
  const idempotencyKey = useRef(randomId());
  const upkeep = useLeaseUpkeep(task.assignmentId, choice ? { choice } : null);
  const submit = useMutation(
    trpc.task.submit.mutationOptions({
      onSuccess: (reply) => {
        if (reply.next) onDone(reply.next);
      },
    }),
  );
  const { mutate } = submit;

  const send = useCallback(() => {
    if (!choice || submit.isPending) return;
    mutate({
      assignmentId: task.assignmentId,
      idempotencyKey: idempotencyKey.current,
      payload: { choice },
      activeMs: upkeep.readActiveMs(),
      claimNext: true,
    });
  }, [choice, mutate, submit.isPending, task.assignmentId, upkeep]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      const option = options.find((o) => o.key === event.key);
      if (submit.isPending) return;
      if (option) {
        event.preventDefault();
        setChoice(option.value);
      } else if (event.key === "Enter") {
        event.preventDefault();
        send();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <article aria-label="Task" data-assignment-id={task.assignmentId} className="space-y-4">
      <Conversation messages={task.item.prompt} />
      <div className="grid gap-4 md:grid-cols-2">
        {task.responses.map((response, index) => (
          <section
            key={response.id}
            aria-label={`Response ${SLOT_LABELS[index] ?? index + 1}`}
            className={`card ${choice === response.id ? "ring-2 ring-indigo-500" : ""}`}
          >
            <h2 className="mb-2 text-sm font-semibold text-slate-500">Response {SLOT_LABELS[index]}</h2>
            {response.content === "" ? (
              <p className="text-sm italic text-slate-500">(empty response)</p>
            ) : (
              <Markdown text={response.content} />
            )}
          </section>
        ))}
      </div>
      <div className="card flex flex-wrap items-center gap-2" role="group" aria-label="Your verdict">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-label={o.label}
            aria-pressed={choice === o.value}
            aria-keyshortcuts={o.key}
            onClick={() => setChoice(o.value)}
            className={`btn ${choice === o.value ? "border-indigo-600 bg-indigo-50 text-indigo-900" : ""}`}
          >
            {o.label} <span className="kbd">{o.key}</span>
          </button>
        ))}
        <button
          type="button"
          aria-label="Submit"
          aria-keyshortcuts="Enter"
          className="btn btn-primary ml-auto"
          disabled={!choice || submit.isPending}
          onClick={send}
        >
          {submit.isPending ? "Submitting…" : "Submit"} <span className="kbd">Enter</span>
        </button>
      </div>
      {submit.isError && (
        <p role="alert" className="text-sm text-red-700">
          {submit.error.message}
        </p>
      )}
    </article>
  );
}
