"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { ClaimedTask, RouterOutputs } from "@/app/_trpc/types";
import { withKind } from "./answer-kinds";
import { GoldFeedbackPanel, type GoldFeedback } from "./gold-feedback";
import { GuidelinesPanel } from "./guidelines-panel";
import { HelpOverlay } from "./help-overlay";
import { SCREEN_KEYS, bindingFor, suggestionKeys } from "./key-map";
import { RecentAnswers } from "./recent-answers";
import { RevealedSuggestionNote, type RevealedSuggestion } from "./revealed-suggestion";
import { ReviseTask } from "./revise-task";
import { ScreenHeader } from "./screen-header";
import { TemplateTask, type SubmittedAnswer } from "./template-task";
import { useKeys } from "./use-keys";
import { usePrefetch } from "./use-prefetch";

type ClaimResult = RouterOutputs["task"]["claimNext"];

const REASONS: Record<string, { title: string; text: string }> = {
  done: { title: "All done", text: "There is nothing left for you in this campaign. Thank you!" },
  paused: { title: "Campaign paused", text: "This campaign is paused. Check back later." },
  member_paused: {
    title: "You are paused",
    text: "Your participation in this campaign is paused. Ask an admin.",
  },
  daily_cap: {
    title: "Daily limit reached",
    text: "You have reached today's limit for this campaign. See you tomorrow.",
  },
};

/**
 * The annotator's loop and the keys that are not about one task: `?` the key list,
 * `g` guidelines, `u` edit a previous answer, Escape closes what is open.
 */
export function AnnotateScreen({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ClaimResult | null>(null);
  // The answer being edited; the list it comes from is the server's, so it survives a reload.
  const [editing, setEditing] = useState<SubmittedAnswer | null>(null);
  const [help, setHelp] = useState(false);
  const [guidelines, setGuidelines] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A gold item's feedback, shown until the annotator moves on to the already fetched next task.
  const [checked, setChecked] = useState<{ done: SubmittedAnswer; feedback: GoldFeedback; next: ClaimResult | null; movedOn: boolean } | null>(null);
  // The task whose answer is on its way while the prefetched next one is already on screen:
  // kept mounted (hidden) so that a refused or failed submit brings it back with its answer.
  const [pending, setPending] = useState<ClaimedTask | null>(null);
  const pendingId = useRef<string | null>(null);
  // A model's verdict on the answer just given (after_submit), shown above the next task.
  const [revealed, setRevealed] = useState<{ done: SubmittedAnswer; suggestion: RevealedSuggestion } | null>(null);
  const recent = useQuery(trpc.task.recent.queryOptions({ campaignId }));
  // This tab's last answer counts before the list comes back from the server.
  const [lastDone, setLastDone] = useState<SubmittedAnswer | null>(null);
  const fromServer: SubmittedAnswer[] = recent.data ?? [];
  const recentAnswers =
    lastDone && !fromServer.some((a) => a.task.assignmentId === lastDone.task.assignmentId)
      ? [lastDone, ...fromServer]
      : fromServer;
  // Counters are read again once the server has stored the change (a claim, a submit, an edit).
  const refreshCounters = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.task.progress.queryKey({ campaignId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.task.recent.queryKey({ campaignId }) });
  }, [queryClient, trpc, campaignId]);
  const claim = useMutation(
    trpc.task.claimNext.mutationOptions({
      onSuccess: (claimed) => {
        setResult(claimed);
        refreshCounters();
      },
    }),
  );
  const { mutate } = claim;

  const claimNext = useCallback(() => {
    setResult(null);
    mutate({ campaignId });
  }, [mutate, campaignId]);
  const showNext = (next: ClaimResult | null) => (next ? setResult(next) : claimNext());
  useEffect(() => claimNext(), [claimNext]);

  const prefetched = usePrefetch(campaignId, pending ? undefined : result?.task?.assignmentId);
  // Enter shows the prefetched task at once (DESIGN §12 P4); one answer in flight at a time.
  const moveOn = (from: ClaimedTask): boolean => {
    // pendingId, not `pending`: two Enters in one event must not both move on.
    if (!prefetched || pendingId.current) return false;
    pendingId.current = from.assignmentId;
    setPending(from);
    setRevealed(null);
    setResult({ task: prefetched });
    return true;
  };
  // The next task is leased (usePrefetch offers none while an answer is in flight, and never the
  // task on screen): Enter will show it at once.
  const nextReady = prefetched !== null;
  const settlePending = (task: ClaimedTask, failed: boolean) => {
    if (pendingId.current !== task.assignmentId) return false;
    pendingId.current = null;
    setPending(null);
    if (failed) setResult({ task });
    return true;
  };

  const latest = recentAnswers[0];
  const canEdit = latest !== undefined && editing === null && !busy;
  const startEdit = () => {
    if (!canEdit) return;
    setNotice(null);
    setEditing(latest);
  };

  useKeys((key) => {
    if (busy) return true;
    const id = bindingFor(SCREEN_KEYS, key)?.id;
    if (id === "help") setHelp(true);
    else if (id === "guidelines") setGuidelines((open) => !open);
    else if (id === "edit" && canEdit) startEdit();
    else if (id === "close" && guidelines) setGuidelines(false);
    else if (id === "close" && editing) setEditing(null);
    else return false;
    return true;
  });

  const shown = editing?.task ?? result?.task;
  const keys = [
    ...(shown ? withKind(shown.template, (kind, t) => kind.keys(t, shown.responses.map((r) => r.id)), shown.responses) : []),
    ...(!editing && result?.task ? suggestionKeys(result.task) : []),
    ...SCREEN_KEYS,
  ];
  const reason = result && !result.task ? REASONS[result.reason] : undefined;

  return (
    <div>
      <ScreenHeader
        campaignId={campaignId}
        ready={result !== null || claim.isError}
        canEdit={canEdit}
        guidelinesOpen={guidelines}
        onEdit={startEdit}
        onGuidelines={() => setGuidelines((open) => !open)}
        onHelp={() => setHelp(true)}
      />
      {notice && (
        <p role="status" className="mb-3 text-sm text-green-800">
          {notice}
        </p>
      )}
      {editing && (
        <div className="space-y-3">
          <RecentAnswers answers={recentAnswers} selectedId={editing.judgementId} onSelect={setEditing} />
          {withKind(editing.task.template, (kind, template) => (
            <ReviseTask
              key={editing.judgementId}
              kind={kind}
              template={template}
              previous={editing}
              onCancel={() => setEditing(null)}
              onRevised={(revised) => {
                setEditing(null);
                if (lastDone?.task.assignmentId === revised.task.assignmentId) setLastDone(revised);
                refreshCounters();
                setNotice("Your earlier answer was changed.");
              }}
            />
          ), editing.task.responses)}
        </div>
      )}
      {/* Hidden, not unmounted, while editing: the current task keeps its answer and its lease. */}
      <div hidden={editing !== null} data-next-ready={nextReady ? "true" : undefined}>
        {revealed && !checked && <RevealedSuggestionNote done={revealed.done} suggestion={revealed.suggestion} />}
        {claim.isError ? (
          <div role="alert" className="card">
            <p>{claim.error.message}</p>
            <button className="btn mt-3" onClick={claimNext}>
              Try again
            </button>
          </div>
        ) : !result ? (
          <p className="text-sm text-slate-500">Loading your next task…</p>
        ) : !result.task ? (
          <div className="card" role="status">
            <h2 className="mb-1 text-base font-semibold">{reason?.title ?? "Nothing to do"}</h2>
            <p className="mb-3">{reason?.text ?? "Nothing to do right now."}</p>
            <Link href="/campaigns" className="btn">
              Back to your campaigns
            </Link>
          </div>
        ) : (
          <>
            {checked &&
              withKind(checked.done.task.template, (kind, template) => (
                <GoldFeedbackPanel
                  feedback={checked.feedback}
                  done={checked.done}
                  active={editing === null}
                  onContinue={() => {
                    setChecked(null);
                    if (!checked.movedOn) showNext(checked.next);
                  }}
                >
                  <kind.View
                    label="Answered task"
                    prompt={checked.done.task.item.prompt}
                    responses={checked.done.task.responses}
                    template={template}
                    keys={[]}
                    answer={kind.fromDraft(checked.done.payload, template, checked.done.task.responses.map((r) => r.id))}
                    onChange={() => undefined}
                    onSubmit={() => undefined}
                    problem={null}
                    submitting={false}
                    closed
                  />
                </GoldFeedbackPanel>
              ), checked.done.task.responses)}
            {/* One keyed list, so the task on screen keeps its state when the one before it settles. */}
            {[pending, result.task].map((task) => {
              if (!task || (task === pending && task.assignmentId === result.task?.assignmentId)) return null;
              const current = task !== pending;
              return (
                <div key={task.assignmentId} hidden={!current || checked !== null}>
                  {withKind(task.template, (kind, template) => (
                    <TemplateTask
                      kind={kind}
                      template={template}
                      task={task}
                      active={editing === null && current && checked === null}
                      onBusy={current ? setBusy : noBusy}
                      onSending={() => moveOn(task)}
                      onFailed={() => settlePending(task, true)}
                      onNext={(next) => {
                        setRevealed(null);
                        if (next) {
                          setResult(next);
                          refreshCounters();
                        } else claimNext();
                      }}
                      onSubmitted={(done, { next, goldFeedback: feedback, suggestion }) => {
                        const movedOn = settlePending(task, false);
                        setLastDone(done);
                        setNotice(null);
                        refreshCounters();
                        // A suggestion the task already showed is not news; one never shown is revealed now.
                        setRevealed(suggestion && !task.suggestion ? { done, suggestion } : null);
                        if (feedback) setChecked({ done, feedback, next, movedOn });
                        else if (!movedOn) showNext(next);
                      }}
                    />
                  ), task.responses)}
                </div>
              );
            })}
          </>
        )}
      </div>
      {help && <HelpOverlay keys={keys} onClose={() => setHelp(false)} />}
      {guidelines && <GuidelinesPanel campaignId={campaignId} onClose={() => setGuidelines(false)} />}
    </div>
  );
}

const noBusy = () => undefined;
