"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { useHeartbeat } from "./use-lease-upkeep";

/**
 * Leases the task after the one on screen while the annotator works (DESIGN §12 P4), so the
 * submit that follows finds its next task already leased and answers at once. The prefetched
 * lease is kept alive like the current one; the server never holds more than two per annotator.
 * Pass no id while an answer is still on its way: until it is stored, the server would offer
 * that very lease as the one after.
 */
export function usePrefetch(campaignId: string, shownAssignmentId: string | undefined) {
  const trpc = useTRPC();
  const { mutate, data, variables } = useMutation(trpc.task.claimNext.mutationOptions());
  useEffect(() => {
    if (shownAssignmentId) mutate({ campaignId, after: shownAssignmentId });
  }, [mutate, campaignId, shownAssignmentId]);
  // Only a reply to the prefetch after the task now on screen counts: an older one may name a
  // lease that has been answered since.
  const current = variables?.after === shownAssignmentId ? data?.task : undefined;
  const prefetchedId = current?.assignmentId === shownAssignmentId ? undefined : current?.assignmentId;
  useHeartbeat(prefetchedId);
  return prefetchedId ? (current ?? null) : null;
}
