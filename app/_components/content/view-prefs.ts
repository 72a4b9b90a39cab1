"use client";

import { useSyncExternalStore } from "react";

/** How the annotator likes responses shown; kept for the session, across tasks. */
export interface ViewPrefs {
  /** Word diff of the two responses of a pair instead of their rendered text. */
  diff: boolean;
  /** Scrolling one long response scrolls the other to the same place. */
  syncScroll: boolean;
}

const DEFAULTS: ViewPrefs = { diff: false, syncScroll: true };
let prefs = DEFAULTS;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setViewPref<K extends keyof ViewPrefs>(key: K, value: ViewPrefs[K]) {
  prefs = { ...prefs, [key]: value };
  listeners.forEach((l) => l());
}

/** The `d` key and the "Word diff" button. */
export function toggleDiff() {
  setViewPref("diff", !prefs.diff);
}

export function useViewPrefs(): ViewPrefs {
  return useSyncExternalStore(
    subscribe,
    () => prefs,
    () => DEFAULTS,
  );
}
