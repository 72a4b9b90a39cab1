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
 * Page-wide shortcuts. Keys with Ctrl/Alt/Meta stay the browser's; keys typed into text fields
 * and keys pressed while a modal dialog is open (the dialog handles its own) are ignored.
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
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTextEntry(event.target)) {
        // Escape leaves a text field, so the next key is a command again.
        if (event.key === "Escape" && event.target instanceof HTMLElement) event.target.blur();
        return;
      }
      // A focused button or link keeps its own Enter and Space.
      if (
        (event.key === "Enter" || event.key === " ") &&
        event.target instanceof HTMLElement &&
        event.target.closest("button, a")
      )
        return;
      if (event.repeat) return;
      if (latest.current(event.key)) event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
