"use client";

import { useEffect, useRef } from "react";

/** Fields where a key is text, not a command: typing a rationale must never pick a verdict. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT")
    return true;
  if (target.tagName !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
}

/**
 * Page-wide shortcuts. Keys with Ctrl/Alt/Meta stay the browser's, except Ctrl/⌘+Enter, which
 * submits from inside a text field; other keys typed into text fields, and keys pressed while a
 * modal dialog is open (the dialog handles its own), are ignored. The key map wins wherever
 * focus is: Enter on a focused button (say, the verdict just clicked) submits instead of
 * pressing that button again; only links keep their own Enter. Listening in the capture phase lets it act first.
 * The handler returns true when it used the key, which then does nothing else.
 */
export function useKeys(handler: (key: string) => boolean, enabled = true) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector("dialog[open]")) return;
      const chord = event.ctrlKey || event.metaKey;
      if (isTextEntry(event.target)) {
        if (chord && event.key === "Enter" && !event.repeat && latest.current("Enter")) {
          event.preventDefault();
        }
        // Escape leaves a text field, so the next key is a command again.
        if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      if (chord || event.altKey) return;
      // Space still presses the focused button (and picks up a dragged row); a link keeps its
      // Enter, since following it is never a verdict.
      if (event.key === " ") return;
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("a[href]")) return;
      if (event.repeat) return;
      const key = event.key === "Tab" && event.shiftKey ? "Shift+Tab" : event.key;
      if (latest.current(key)) event.preventDefault();
    }
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [enabled]);
}
