"use client";

import { createContext, useContext, useRef, type ReactNode, type UIEvent } from "react";

interface ScrollGroup {
  boxes: Set<HTMLElement>;
  /** Boxes being moved by the group, whose next scroll event is an echo, not the annotator. */
  echoes: WeakSet<HTMLElement>;
}

const ScrollSyncContext = createContext<ScrollGroup | null>(null);

/** The responses of one task: their scroll boxes move together when `enabled`. */
export function ScrollSyncGroup({ children }: { children: ReactNode }) {
  const group = useRef<ScrollGroup>({ boxes: new Set(), echoes: new WeakSet() });
  return <ScrollSyncContext.Provider value={group.current}>{children}</ScrollSyncContext.Provider>;
}

/**
 * Props for a scroll box in the group: a ref callback that registers it and an onScroll that
 * moves the others to the same fraction of their height (outside a group, it does nothing).
 */
export function useSyncedScroll(enabled: boolean) {
  const group = useContext(ScrollSyncContext);
  const ref = (box: HTMLElement | null) => {
    if (!group || !box) return;
    group.boxes.add(box);
    return () => {
      group.boxes.delete(box);
    };
  };
  const onScroll = (event: UIEvent<HTMLElement>) => {
    const box = event.currentTarget;
    if (!group || !enabled) return;
    if (group.echoes.has(box)) {
      group.echoes.delete(box);
      return;
    }
    const range = box.scrollHeight - box.clientHeight;
    const fraction = range > 0 ? box.scrollTop / range : 0;
    for (const other of group.boxes) {
      if (other === box) continue;
      const top = Math.round(fraction * (other.scrollHeight - other.clientHeight));
      if (Math.abs(other.scrollTop - top) < 1) continue;
      group.echoes.add(other);
      other.scrollTop = top;
      // A scroll clamped at the end fires no event: forget the echo once the frame is done.
      requestAnimationFrame(() => group.echoes.delete(other));
    }
  };
  return { ref, onScroll };
}
