"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** How often a lease is renewed while its task is on screen (or waiting, prefetched). */
const HEARTBEAT_MS = 60_000;
const DRAFT_DEBOUNCE_MS = 600;

/** Renews a lease every HEARTBEAT_MS while the page is visible (none while no id is given). */
export function useHeartbeat(assignmentId: string | undefined): void {
  const trpc = useTRPC();
  const { mutate: beat } = useMutation(trpc.task.heartbeat.mutationOptions());
  useEffect(() => {
    if (!assignmentId) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") beat({ assignmentId });
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [assignmentId, beat]);
}

/**
 * Keeps the lease alive while the page is visible, autosaves the draft, and measures the time
 * the task was actually on screen (sent with the judgement as active_ms).
 */
export function useLeaseUpkeep(assignmentId: string, draft: unknown) {
  const trpc = useTRPC();
  const heartbeat = useMutation(trpc.task.heartbeat.mutationOptions());
  const saveDraft = useMutation(trpc.task.saveDraft.mutationOptions());
  const activeMs = useRef(0);
  const visibleSince = useRef<number | null>(null);
  const { mutate: beat } = heartbeat;
  const { mutate: save } = saveDraft;

  useEffect(() => {
    // The task is on screen from now: a prefetched lease learns when it was first shown.
    beat({ assignmentId, shown: true });
    visibleSince.current = document.visibilityState === "visible" ? performance.now() : null;
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        visibleSince.current = performance.now();
        beat({ assignmentId });
      } else if (visibleSince.current !== null) {
        activeMs.current += performance.now() - visibleSince.current;
        visibleSince.current = null;
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [assignmentId, beat]);
  useHeartbeat(assignmentId);

  const serialized = JSON.stringify(draft ?? null);
  const firstDraft = useRef(serialized);
  useEffect(() => {
    if (serialized === firstDraft.current) return;
    const timer = setTimeout(
      () => save({ assignmentId, draft: JSON.parse(serialized) as unknown }),
      DRAFT_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [assignmentId, serialized, save]);

  return {
    readActiveMs: () =>
      Math.round(
        activeMs.current +
          (visibleSince.current === null ? 0 : performance.now() - visibleSince.current),
      ),
  };
}
