"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { GuidelinesPanel } from "./guidelines-panel";
import { HelpOverlay } from "./help-overlay";
import { PairwiseTask, type SubmittedAnswer } from "./pairwise-task";
import { ReviseTask } from "./revise-task";
import { useKeys } from "./use-keys";

type ClaimResult = RouterOutputs["task"]["claimNext"];

const REASONS: Record<string, string> = {
  done: "There is nothing left for you in this campaign. Thank you!",
  paused: "This campaign is paused. Check back later.",
  member_paused: "Your participation in this campaign is paused. Ask an admin.",
  daily_cap: "You have reached today's limit for this campaign. See you tomorrow.",
};

/**
 * The annotator's loop and the keys that are not about one task: `?` the key list,
 * `g` guidelines, `u` edit the previous answer, Escape closes what is open.
 */
export function AnnotateScreen({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const [result, setResult] = useState<ClaimResult | null>(null);
  const [submittedCount, setSubmittedCount] = useState(0);
  // The last stored answer of this session with its task as shown, so `u` reopens it as it was.
  const [previous, setPrevious] = useState<SubmittedAnswer | null>(null);
  const [editing, setEditing] = useState(false);
  const [help, setHelp] = useState(false);
  const [guidelines, setGuidelines] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const claim = useMutation(trpc.task.claimNext.mutationOptions({ onSuccess: setResult }));
  const { mutate } = claim;

  const claimNext = useCallback(() => {
    setResult(null);
    mutate({ campaignId });
  }, [mutate, campaignId]);
  useEffect(() => claimNext(), [claimNext]);

  const canEdit = previous !== null && !editing && !busy;
  const startEdit = () => {
    if (!canEdit) return;
    setNotice(null);
    setEditing(true);
  };

  useKeys((key) => {
    if (busy) return true;
    if (key === "?") setHelp(true);
    else if (key === "g") setGuidelines((open) => !open);
    else if (key === "u" && canEdit) startEdit();
    else if (key === "Escape" && guidelines) setGuidelines(false);
    else if (key === "Escape" && editing) setEditing(false);
    else return false;
    return true;
  });

  const shown = result?.task ?? previous?.task;
  const template = shown?.template.kind === "pairwise" ? shown.template : null;

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm text-slate-600" aria-live="polite">
          {submittedCount} submitted this session
        </p>
        {previous && !editing && (
          <button
            type="button"
            className="btn"
            aria-keyshortcuts="u"
            disabled={busy}
            onClick={startEdit}
          >
            Edit previous answer <span className="kbd">u</span>
          </button>
        )}
        <button
          type="button"
          className="btn"
          aria-keyshortcuts="g"
          aria-expanded={guidelines}
          onClick={() => setGuidelines((open) => !open)}
        >
          Guidelines <span className="kbd">g</span>
        </button>
        <button type="button" className="btn" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          Keyboard shortcuts <span className="kbd">?</span>
        </button>
      </div>
      {notice && (
        <p role="status" className="mb-3 text-sm text-green-800">
          {notice}
        </p>
      )}
      {editing && previous && (
        <ReviseTask
          key={previous.judgementId}
          previous={previous}
          onCancel={() => setEditing(false)}
          onRevised={(revised) => {
            setPrevious(revised);
            setEditing(false);
            setNotice("Your previous answer was changed.");
          }}
        />
      )}
      {/* Hidden, not unmounted, while editing: the current task keeps its answer and its lease. */}
      <div hidden={editing}>
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
            <p className="mb-3">{REASONS[result.reason] ?? "Nothing to do right now."}</p>
            <Link href="/campaigns" className="btn">
              Back to your campaigns
            </Link>
          </div>
        ) : (
          <PairwiseTask
            key={result.task.assignmentId}
            task={result.task}
            active={!editing}
            onBusy={setBusy}
            onNext={claimNext}
            onSubmitted={(done, next) => {
              setSubmittedCount((n) => n + 1);
              setPrevious(done);
              setNotice(null);
              if (next) setResult(next);
              else claimNext();
            }}
          />
        )}
      </div>
      {help && <HelpOverlay template={template} onClose={() => setHelp(false)} />}
      {guidelines && (
        <GuidelinesPanel campaignId={campaignId} onClose={() => setGuidelines(false)} />
      )}
    </div>
  );
}
